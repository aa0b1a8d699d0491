using System.Security.Cryptography;
using System.Text;

namespace ActionBot.Core.Tracking;

/// <summary>
/// The hidden HTML comment that ties a GitHub issue to its item, and the item keys it carries.
/// Finding an issue by its marker is how a retried or recovered attempt avoids opening a second issue.
/// </summary>
public static class IssueMarker
{
    private const string Prefix = "<!-- actionbot:item=";
    private const string Suffix = " -->";

    public static string For(string key) => $"{Prefix}{key}{Suffix}";

    /// <summary>The item key in an issue body, or null when the body has no marker.</summary>
    public static string? Find(string? body)
    {
        var start = body?.IndexOf(Prefix, StringComparison.Ordinal) ?? -1;
        if (start < 0)
        {
            return null;
        }

        start += Prefix.Length;
        var end = body!.IndexOf(Suffix, start, StringComparison.Ordinal);
        return end > start ? body[start..end] : null;
    }

    /// <summary>An item's key: its postmortem (repository, path) and the id of the wording it was first seen with.</summary>
    public static string KeyFor(string repository, string path, string itemId)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{repository.ToLowerInvariant()}\n{path}\n{itemId}"));
        return Convert.ToHexStringLower(hash, 0, 12);
    }
}
