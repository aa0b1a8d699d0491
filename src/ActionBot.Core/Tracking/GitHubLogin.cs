using System.Text.RegularExpressions;

namespace ActionBot.Core.Tracking;

/// <summary>
/// GitHub's rule for user names: letters, digits and single hyphens, not at either end, at most 39 characters.
/// An owner that breaks it ("Core-1 team", <c>evil"onmouseover</c>) is a name to show, never a login to assign or mention.
/// </summary>
public static partial class GitHubLogin
{
    public static bool IsValid(string? name) => name is not null && Pattern().IsMatch(name);

    [GeneratedRegex("^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
