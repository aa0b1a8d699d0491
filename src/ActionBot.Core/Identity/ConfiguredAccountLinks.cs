namespace ActionBot.Core.Identity;

/// <summary>
/// Links an admin set in configuration (chat user id → GitHub login): they count as confirmed, and they win over
/// anything stored, because the admin said so.
/// </summary>
public sealed class ConfiguredAccountLinks(IEnumerable<KeyValuePair<string, string>> links)
{
    private readonly Dictionary<string, string> _loginOf = links
        .Where(pair => !string.IsNullOrWhiteSpace(pair.Key) && !string.IsNullOrWhiteSpace(pair.Value))
        .ToDictionary(pair => pair.Key, pair => pair.Value.Trim().TrimStart('@'), StringComparer.Ordinal);

    public static ConfiguredAccountLinks None { get; } = new([]);

    public string? LoginOf(string chatUserId) => _loginOf.GetValueOrDefault(chatUserId);

    public string? UserOf(string gitHubLogin) =>
        _loginOf.FirstOrDefault(pair => string.Equals(pair.Value, gitHubLogin, StringComparison.OrdinalIgnoreCase)).Key;
}
