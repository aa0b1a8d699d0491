using System.Net;
using Microsoft.Extensions.Options;

namespace ActionBot.ReadAccess;

/// <summary>What data annotations cannot state: proxies must parse, and a setup that requires the token must have one.</summary>
internal sealed class ReadAccessOptionsValidator : IValidateOptions<ReadAccessOptions>
{
    private const string Prefix = ReadAccessOptions.SectionName + ":";

    public ValidateOptionsResult Validate(string? name, ReadAccessOptions options)
    {
        var failures = new List<string>();
        if (options.RequireToken && string.IsNullOrEmpty(options.ReadToken))
        {
            failures.Add($"{Prefix}ReadToken is required: {Prefix}RequireToken is on (the deploy kit's setups), so every read needs it. Generate one with `openssl rand -hex 32`.");
        }

        for (var i = 0; i < options.TrustedProxies.Count; i++)
        {
            if (!string.IsNullOrWhiteSpace(options.TrustedProxies[i]) && !TryParseProxy(options.TrustedProxies[i], out _, out _))
            {
                failures.Add($"{Prefix}TrustedProxies:{i} '{options.TrustedProxies[i]}' is not an IP address or a network such as 10.0.0.0/8.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>An address (<c>127.0.0.1</c>, <c>::1</c>) or a network (<c>10.0.0.0/8</c>). A blank entry (an unset variable) is none.</summary>
    public static bool TryParseProxy(string? text, out IPAddress? address, out IPNetwork? network)
    {
        (address, network) = (null, null);
        var value = text?.Trim() ?? "";
        if (value.Contains('/', StringComparison.Ordinal))
        {
            if (IPNetwork.TryParse(value, out var parsed))
            {
                network = parsed;
                return true;
            }

            return false;
        }

        return IPAddress.TryParse(value, out address);
    }
}
