namespace ActionBot.Discord.Api;

/// <summary>Discord's REST routes, relative to the API root, in one place.</summary>
internal static class DiscordRoutes
{
    public static string GlobalCommands(string applicationId) => $"applications/{applicationId}/commands";

    public static string GuildCommands(string applicationId, string guildId) => $"applications/{applicationId}/guilds/{guildId}/commands";

    public static string ChannelMessages(string channelId) => $"channels/{channelId}/messages";

    public const string DmChannels = "users/@me/channels";

    public static string FollowUp(string applicationId, string token) => $"webhooks/{applicationId}/{token}";

    public static string OriginalResponse(string applicationId, string token) => $"webhooks/{applicationId}/{token}/messages/@original";

    /// <summary>A route fit for logs and rate-limit keys: an interaction token is a credential for 15 minutes.</summary>
    public static string Redact(string route) =>
        route.StartsWith("webhooks/", StringComparison.Ordinal) && route.Split('/') is { Length: >= 3 } parts
            ? string.Join('/', parts.Select((part, i) => i == 2 ? "{token}" : part))
            : route;

    /// <summary>The route with its ids and token left out (<c>channels/{id}/messages</c>), for metrics: few series, no credential.</summary>
    public static string Template(string route) =>
        string.Join('/', Redact(route).Split('/').Select(part => part.Length > 0 && part.All(char.IsAsciiDigit) ? "{id}" : part));
}
