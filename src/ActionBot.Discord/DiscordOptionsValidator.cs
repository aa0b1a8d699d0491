using Microsoft.Extensions.Options;

namespace ActionBot.Discord;

/// <summary>Fills the trailing slash of the API root (relative routes would lose its last segment).</summary>
internal sealed class DiscordOptionsDefaults : IPostConfigureOptions<DiscordOptions>
{
    public void PostConfigure(string? name, DiscordOptions options)
    {
        if (options.ApiBaseUrl is { IsAbsoluteUri: true } root && !root.AbsolutePath.EndsWith('/'))
        {
            options.ApiBaseUrl = new Uri(root.AbsoluteUri + "/");
        }
    }
}

/// <summary>Once Discord is on, the application must be complete; each message names its key.</summary>
internal sealed class DiscordOptionsValidator : IValidateOptions<DiscordOptions>
{
    private const string Prefix = DiscordOptions.SectionName + ":";

    public ValidateOptionsResult Validate(string? name, DiscordOptions options)
    {
        var errors = new List<string>();
        if (options.ApiBaseUrl is not { IsAbsoluteUri: true } root || (root.Scheme != Uri.UriSchemeHttps && root.Scheme != Uri.UriSchemeHttp))
        {
            errors.Add($"{Prefix}ApiBaseUrl must be an absolute http(s) URL.");
        }

        RequireSnowflake(options.ApplicationId, "ApplicationId", required: true, errors);
        RequireSnowflake(options.GuildId, "GuildId", required: false, errors);
        RequireSnowflake(options.DefaultChannelId, "DefaultChannelId", required: false, errors);
        if (string.IsNullOrWhiteSpace(options.PublicKey))
        {
            errors.Add($"{Prefix}PublicKey is required (64 hex digits, the application's public key).");
        }
        else if (!Interactions.Ed25519SignatureVerifier.TryParseHex(options.PublicKey, 32, out _))
        {
            errors.Add($"{Prefix}PublicKey must be 64 hex digits.");
        }

        if (string.IsNullOrWhiteSpace(options.BotToken))
        {
            errors.Add($"{Prefix}BotToken is required.");
        }

        foreach (var (userId, login) in options.UserLinks)
        {
            if (!Snowflake.IsValid(userId))
            {
                errors.Add($"{Prefix}UserLinks:{userId}: the key must be a Discord user id.");
            }
            else if (!GitHubLogin.IsValid(login))
            {
                errors.Add($"{Prefix}UserLinks:{userId} must be a GitHub login (was '{login}').");
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void RequireSnowflake(string? value, string key, bool required, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                errors.Add($"{Prefix}{key} is required.");
            }
        }
        else if (!Snowflake.IsValid(value))
        {
            errors.Add($"{Prefix}{key} must be a Discord id (digits, was '{value}').");
        }
    }
}
