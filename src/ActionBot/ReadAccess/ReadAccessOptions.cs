using System.ComponentModel.DataAnnotations;

namespace ActionBot.ReadAccess;

/// <summary>
/// Who may read the dashboard, <c>/api/*</c>, <c>/metrics</c>, <c>/hangfire</c> and any read endpoint added later
/// (<c>ActionBot:Dashboard</c>, INTERFACES §2): requests from this machine itself without a token, every other one with
/// <see cref="ReadToken"/>. Checked at start by <see cref="ReadAccessOptionsValidator"/>.
/// </summary>
public sealed class ReadAccessOptions
{
    public const string SectionName = "ActionBot:Dashboard";

    /// <summary>The token for reads from other machines: <c>Authorization: Bearer</c>, or once through the sign-in form.</summary>
    [MinLength(16, ErrorMessage = "ActionBot:Dashboard:ReadToken must be at least 16 characters; generate one with `openssl rand -hex 32`.")]
    public string? ReadToken { get; set; }

    /// <summary>
    /// Reverse proxies (IP addresses, or networks as <c>10.0.0.0/8</c>) whose <c>X-Forwarded-For</c> and
    /// <c>X-Forwarded-Proto</c> are believed: the client they name is the one read access judges.
    /// </summary>
    public List<string> TrustedProxies { get; } = [];

    /// <summary>
    /// The token is required for every read, from this machine too, and start-up fails without one. The deploy kit's
    /// setups (Docker, Compose, systemd, Kubernetes) turn it on: there "this machine" is a container or a proxy's host.
    /// </summary>
    public bool RequireToken { get; set; }
}
