using System.Globalization;

namespace ActionBot.GitHub.Api;

/// <summary>Every REST route the bot calls, relative to <see cref="GitHubOptions.ApiBaseUrl"/>; segments are escaped here.</summary>
public static class GitHubApiRoutes
{
    /// <summary>GitHub's largest page size.</summary>
    public const int MaxPerPage = 100;

    public static string Repository(GitHubRepoName repo) => $"repos/{Segment(repo.Owner)}/{Segment(repo.Name)}";

    public static string PullRequestFiles(GitHubRepoName repo, int number) =>
        $"{Repository(repo)}/pulls/{Number(number)}/files?per_page={MaxPerPage}";

    public static string Contents(GitHubRepoName repo, string path, string gitRef) =>
        $"{Repository(repo)}/contents/{Path(path)}?ref={Uri.EscapeDataString(gitRef)}";

    public static string Compare(GitHubRepoName repo, string baseRef, string headRef) =>
        $"{Repository(repo)}/compare/{Segment(baseRef)}...{Segment(headRef)}";

    public static string Commit(GitHubRepoName repo, string gitRef) => $"{Repository(repo)}/commits/{Segment(gitRef)}";

    public static string Issues(GitHubRepoName repo) => $"{Repository(repo)}/issues";

    public static string Issues(GitHubRepoName repo, GitHubIssueQuery query)
    {
        var route = $"{Issues(repo)}?state={Uri.EscapeDataString(query.State)}";
        if (query.Labels is { Count: > 0 } labels)
        {
            route += "&labels=" + Uri.EscapeDataString(string.Join(',', labels));
        }

        if (query.Since is { } since)
        {
            route += "&since=" + Uri.EscapeDataString(since.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
        }

        return route + $"&per_page={MaxPerPage}";
    }

    public static string Issue(GitHubRepoName repo, int number) => $"{Issues(repo)}/{Number(number)}";

    public static string IssueComments(GitHubRepoName repo, int number) => $"{Issue(repo, number)}/comments";

    public static string IssueCommentPages(GitHubRepoName repo, int number) => $"{IssueComments(repo, number)}?per_page=100";

    public static string Labels(GitHubRepoName repo) => $"{Repository(repo)}/labels";

    public static string Label(GitHubRepoName repo, string name) => $"{Labels(repo)}/{Segment(name)}";

    public static string Assignee(GitHubRepoName repo, string login) => $"{Repository(repo)}/assignees/{Segment(login)}";

    public static string InstallationAccessTokens(long installationId) => $"app/installations/{installationId.ToString(CultureInfo.InvariantCulture)}/access_tokens";

    private static string Number(int number) => number.ToString(CultureInfo.InvariantCulture);

    private static string Segment(string value) => Uri.EscapeDataString(value);

    // A file path keeps its slashes; each segment is escaped on its own.
    private static string Path(string path) => string.Join('/', path.Trim('/').Split('/').Select(Uri.EscapeDataString));
}
