using System.Security.Cryptography;
using System.Text;

namespace ActionBot.Core.Tracking;

/// <summary>
/// The hidden HTML comments that tie a GitHub issue to its item, or a tracking issue to its postmortem, and the keys
/// they carry. Finding an issue by its marker is how a retried or recovered attempt avoids opening a second issue.
/// </summary>
public static class IssueMarker
{
    private const string ItemPrefix = "<!-- actionbot:item=";
    private const string PostmortemPrefix = "<!-- actionbot:postmortem=";
    private const string Suffix = " -->";

    public static string For(string key) => $"{ItemPrefix}{key}{Suffix}";

    /// <summary>The marker of a postmortem's tracking issue.</summary>
    public static string ForPostmortem(string key) => $"{PostmortemPrefix}{key}{Suffix}";

    /// <summary>The item key in an issue body, or null when the body has no item marker.</summary>
    public static string? Find(string? body) => Find(body, ItemPrefix);

    /// <summary>The postmortem key in a tracking issue's body, or null when the body has no postmortem marker.</summary>
    public static string? FindPostmortem(string? body) => Find(body, PostmortemPrefix);

    /// <summary>An item's key: its postmortem (repository, path) and the id of the wording it was first seen with.</summary>
    public static string KeyFor(string repository, string path, string itemId) => Hash($"{repository.ToLowerInvariant()}\n{path}\n{itemId}");

    /// <summary>A postmortem's key: its repository and path.</summary>
    public static string PostmortemKeyFor(string repository, string path) => Hash($"{repository.ToLowerInvariant()}\n{path}");

    private static string? Find(string? body, string prefix)
    {
        var start = body?.IndexOf(prefix, StringComparison.Ordinal) ?? -1;
        if (start < 0)
        {
            return null;
        }

        start += prefix.Length;
        var end = body!.IndexOf(Suffix, start, StringComparison.Ordinal);
        return end > start ? body[start..end] : null;
    }

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)), 0, 12);
}
