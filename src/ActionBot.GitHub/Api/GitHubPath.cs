namespace ActionBot.GitHub.Api;

/// <summary>
/// Escapes what we hand to Octokit as part of a route. Octokit formats routes unescaped (only '#' is escaped), so a
/// '?', '%' or '&amp;' in a file path, a ref or a label name would end the path or start a query.
/// </summary>
internal static class GitHubPath
{
    /// <summary>One path segment (a label name, a ref).</summary>
    public static string Segment(string value) => Uri.EscapeDataString(value);

    /// <summary>A file path: its slashes kept, each segment escaped on its own.</summary>
    public static string File(string path) => string.Join('/', path.Trim('/').Split('/').Select(Uri.EscapeDataString));
}
