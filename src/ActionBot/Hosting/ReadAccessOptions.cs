using System.ComponentModel.DataAnnotations;

namespace ActionBot.Hosting;

/// <summary>Who may read the dashboard, <c>/api/*</c> and <c>/metrics</c> (<c>ActionBot:Dashboard</c>).</summary>
public sealed class ReadAccessOptions
{
    public const string SectionName = "ActionBot:Dashboard";

    /// <summary>
    /// When set, every read needs it (<c>Authorization: Bearer</c>, <c>?token=</c> or the cookie it leaves); when not set,
    /// reads are served only while the bot listens on loopback alone.
    /// </summary>
    [MinLength(16, ErrorMessage = "ActionBot:Dashboard:ReadToken must be at least 16 characters; generate one with `openssl rand -hex 32`.")]
    public string? ReadToken { get; set; }
}
