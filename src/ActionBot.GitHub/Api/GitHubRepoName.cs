using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace ActionBot.GitHub.Api;

/// <summary>A repository's <c>owner/name</c>, checked once so that routes can trust it.</summary>
public readonly partial record struct GitHubRepoName
{
    private GitHubRepoName(string owner, string name)
    {
        Owner = owner;
        Name = name;
    }

    public string Owner { get; }

    public string Name { get; }

    public string FullName => $"{Owner}/{Name}";

    public static GitHubRepoName Parse(string fullName) =>
        TryParse(fullName, out var parsed) ? parsed : throw new FormatException($"'{fullName}' is not a repository name like owner/name.");

    public static bool TryParse([NotNullWhen(true)] string? fullName, out GitHubRepoName parsed)
    {
        parsed = default;
        var match = fullName is null ? Match.Empty : Shape().Match(fullName);
        if (!match.Success || match.Groups["name"].Value is "." or "..")
        {
            return false;
        }

        parsed = new GitHubRepoName(match.Groups["owner"].Value, match.Groups["name"].Value);
        return true;
    }

    public override string ToString() => FullName;

    // GitHub: owners are letters, digits and single hyphens; repository names add '.', '_'.
    [GeneratedRegex(@"^(?<owner>[A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))/(?<name>[A-Za-z0-9._-]{1,100})$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
