using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;

namespace ActionBot.GitHub.Api;

/// <summary>
/// The GitHub REST calls the bot makes, shaped like Octokit's but small. Errors surface as
/// <see cref="GitHubApiException"/> subclasses; retries follow <see cref="GitHubResilience"/>.
/// </summary>
public sealed class GitHubClient
{
    public const string HttpClientName = "ActionBot.GitHub";

    private readonly GitHubConnection _connection;

    internal GitHubClient(
        HttpClient http,
        IGitHubCredentials credentials,
        GitHubResilience resilience,
        GitHubWriteGate writeGate,
        GitHubETagCache etags,
        TimeProvider time,
        ILogger<GitHubClient> logger)
    {
        _connection = new GitHubConnection(http, credentials, resilience, writeGate, etags, time, logger);
    }

    public Task<GitHubRepository> GetRepositoryAsync(GitHubRepoName repo, CancellationToken cancellationToken = default) =>
        GetAsync(GitHubApiRoutes.Repository(repo), GitHubJsonContext.Default.GitHubRepository, cancellationToken);

    /// <summary>All files of a pull request, page by page (GitHub lists at most 3000).</summary>
    public IAsyncEnumerable<GitHubFileChange> ListPullRequestFilesAsync(GitHubRepoName repo, int number, CancellationToken cancellationToken = default) =>
        PagesAsync(new GitHubRequest(HttpMethod.Get, GitHubApiRoutes.PullRequestFiles(repo, number)), GitHubJsonContext.Default.ListGitHubFileChange, cancellationToken);

    /// <summary>The bytes of a file at a commit, branch or tag, whatever its size (raw media type).</summary>
    public async Task<byte[]> GetFileContentAsync(GitHubRepoName repo, string path, string gitRef, CancellationToken cancellationToken = default)
    {
        var request = new GitHubRequest(HttpMethod.Get, GitHubApiRoutes.Contents(repo, path, gitRef)) { Accept = GitHubRequest.RawMediaType };
        var response = await _connection.SendAsync(request, cancellationToken).ConfigureAwait(false);
        return Base64ContentOf(response) ?? response.Body;
    }

    // A server that ignores the raw media type (an older GitHub Enterprise, a proxy) answers with the default JSON
    // shape, the file base64-encoded in "content": read that rather than take the JSON for the file.
    private static byte[]? Base64ContentOf(GitHubResponse response)
    {
        if (response.MediaType is not { } mediaType || !mediaType.EndsWith("json", StringComparison.OrdinalIgnoreCase)
            || response.Body.Length == 0 || response.Body[0] != (byte)'{')
        {
            return null;
        }

        try
        {
            var file = JsonSerializer.Deserialize(response.Body, GitHubJsonContext.Default.GitHubContentFile);
            return file is { Encoding: "base64", Content: { } content } ? Convert.FromBase64String(content.Replace("\n", "", StringComparison.Ordinal)) : null;
        }
        catch (Exception e) when (e is JsonException or FormatException)
        {
            return null;
        }
    }

    /// <summary>The commits and changed files between two refs (GitHub lists at most 300 files), for push events.</summary>
    public Task<GitHubComparison> CompareCommitsAsync(GitHubRepoName repo, string baseRef, string headRef, CancellationToken cancellationToken = default) =>
        GetAsync(GitHubApiRoutes.Compare(repo, baseRef, headRef), GitHubJsonContext.Default.GitHubComparison, cancellationToken);

    public Task<GitHubCommit> GetCommitAsync(GitHubRepoName repo, string gitRef, CancellationToken cancellationToken = default) =>
        GetAsync(GitHubApiRoutes.Commit(repo, gitRef), GitHubJsonContext.Default.GitHubCommit, cancellationToken);

    /// <summary>
    /// Opens an issue. Not repeated after a 5xx or timeout (GitHub may have created it): the caller finds out
    /// whether it exists before trying again. A 422 (e.g. an assignee who cannot be assigned) is a <see cref="GitHubValidationException"/>.
    /// </summary>
    public Task<GitHubIssue> CreateIssueAsync(GitHubRepoName repo, NewIssue issue, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Post, GitHubApiRoutes.Issues(repo), issue, GitHubJsonContext.Default.NewIssue, GitHubJsonContext.Default.GitHubIssue, cancellationToken);

    public Task<GitHubIssue> UpdateIssueAsync(GitHubRepoName repo, int number, IssueUpdate update, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Patch, GitHubApiRoutes.Issue(repo, number), update, GitHubJsonContext.Default.IssueUpdate, GitHubJsonContext.Default.GitHubIssue, cancellationToken);

    public Task<GitHubIssue> GetIssueAsync(GitHubRepoName repo, int number, CancellationToken cancellationToken = default) =>
        GetAsync(GitHubApiRoutes.Issue(repo, number), GitHubJsonContext.Default.GitHubIssue, cancellationToken);

    /// <summary>
    /// Issues matching <paramref name="query"/>, page by page, pull requests left out. Pages are fetched with
    /// If-None-Match, so polling an unchanged list answers from the cache without spending the rate limit.
    /// </summary>
    public async IAsyncEnumerable<GitHubIssue> ListIssuesAsync(
        GitHubRepoName repo, GitHubIssueQuery query, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var first = new GitHubRequest(HttpMethod.Get, GitHubApiRoutes.Issues(repo, query)) { UseETag = true };
        await foreach (var issue in PagesAsync(first, GitHubJsonContext.Default.ListGitHubIssue, cancellationToken).ConfigureAwait(false))
        {
            if (!issue.IsPullRequest)
            {
                yield return issue;
            }
        }
    }

    /// <summary>The comments of an issue, oldest first, page by page.</summary>
    public IAsyncEnumerable<GitHubIssueComment> ListCommentsAsync(GitHubRepoName repo, int number, CancellationToken cancellationToken = default) =>
        PagesAsync(new GitHubRequest(HttpMethod.Get, GitHubApiRoutes.IssueCommentPages(repo, number)), GitHubJsonContext.Default.ListGitHubIssueComment, cancellationToken);

    public Task<GitHubIssueComment> CreateCommentAsync(GitHubRepoName repo, int number, string body, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Post, GitHubApiRoutes.IssueComments(repo, number), new NewIssueComment(body), GitHubJsonContext.Default.NewIssueComment, GitHubJsonContext.Default.GitHubIssueComment, cancellationToken);

    /// <summary>The label, or null when the repository has none of that name.</summary>
    public async Task<GitHubLabel?> GetLabelAsync(GitHubRepoName repo, string name, CancellationToken cancellationToken = default)
    {
        try
        {
            return await GetAsync(GitHubApiRoutes.Label(repo, name), GitHubJsonContext.Default.GitHubLabel, cancellationToken).ConfigureAwait(false);
        }
        catch (GitHubNotFoundException)
        {
            return null;
        }
    }

    /// <summary>Creates a label; when it already exists (422 already_exists, e.g. created concurrently) returns the existing one.</summary>
    public async Task<GitHubLabel> CreateLabelAsync(GitHubRepoName repo, NewLabel label, CancellationToken cancellationToken = default)
    {
        try
        {
            return await SendAsync(HttpMethod.Post, GitHubApiRoutes.Labels(repo), label, GitHubJsonContext.Default.NewLabel, GitHubJsonContext.Default.GitHubLabel, cancellationToken).ConfigureAwait(false);
        }
        catch (GitHubValidationException e) when (e.HasCode("already_exists"))
        {
            return await GetAsync(GitHubApiRoutes.Label(repo, label.Name), GitHubJsonContext.Default.GitHubLabel, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Whether issues in the repository can be assigned to <paramref name="login"/> (204 yes, 404 no).</summary>
    public async Task<bool> IsAssignableAsync(GitHubRepoName repo, string login, CancellationToken cancellationToken = default)
    {
        try
        {
            await _connection.SendAsync(new GitHubRequest(HttpMethod.Get, GitHubApiRoutes.Assignee(repo, login)), cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (GitHubNotFoundException)
        {
            return false;
        }
    }

    private async Task<T> GetAsync<T>(string route, JsonTypeInfo<T> type, CancellationToken cancellationToken)
    {
        var response = await _connection.SendAsync(new GitHubRequest(HttpMethod.Get, route), cancellationToken).ConfigureAwait(false);
        return Read(response, type);
    }

    private async Task<TResponse> SendAsync<TRequest, TResponse>(
        HttpMethod method, string route, TRequest body, JsonTypeInfo<TRequest> requestType, JsonTypeInfo<TResponse> responseType, CancellationToken cancellationToken)
    {
        var request = new GitHubRequest(method, route) { Content = JsonSerializer.SerializeToUtf8Bytes(body, requestType) };
        var response = await _connection.SendAsync(request, cancellationToken).ConfigureAwait(false);
        return Read(response, responseType);
    }

    private async IAsyncEnumerable<T> PagesAsync<T>(
        GitHubRequest first, JsonTypeInfo<List<T>> pageType, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        for (GitHubRequest? request = first; request is not null;)
        {
            var response = await _connection.SendAsync(request, cancellationToken).ConfigureAwait(false);
            foreach (var item in Read(response, pageType))
            {
                yield return item;
            }

            request = response.NextPage is { } next ? first with { Route = next.AbsoluteUri } : null;
        }
    }

    private static T Read<T>(GitHubResponse response, JsonTypeInfo<T> type) =>
        JsonSerializer.Deserialize(response.Body, type)
            ?? throw new JsonException($"GitHub answered {(int)response.Status} with an empty {typeof(T).Name}.");
}
