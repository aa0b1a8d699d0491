using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using ActionBot.Core.Observability;
using ActionBot.Core.Ports;
using ActionBot.Core.Tracking;
using ActionBot.GitHub.Api;
using Microsoft.Extensions.Logging;

namespace ActionBot.GitHub.Tracking;

/// <summary>The issue tracker port over GitHub issues.</summary>
public sealed partial class GitHubIssueTracker(GitHubClient client, ILogger<GitHubIssueTracker> logger, ActionBotMetrics? metrics = null) : IIssueTracker
{
    private static readonly IReadOnlyList<string> ActionItemLabels = [IssueWriter.ActionItemLabel];

    // Labels exist once created; asking GitHub again for every postmortem would only spend rate limit.
    private readonly ConcurrentDictionary<(string Repository, string Label), bool> _knownLabels = new();

    public async Task EnsureLabelsAsync(string issueRepository, IReadOnlyList<string> labels, CancellationToken cancellationToken)
    {
        var repo = GitHubRepoName.Parse(issueRepository);
        foreach (var label in labels)
        {
            if (_knownLabels.ContainsKey((repo.FullName, label)))
            {
                continue;
            }

            if (await client.GetLabelAsync(repo, label, cancellationToken) is null)
            {
                await client.CreateLabelAsync(repo, new NewLabel(label, LabelColor(label)), cancellationToken);
            }

            _knownLabels[(repo.FullName, label)] = true;
        }
    }

    public async Task<IssueRef?> FindByItemKeyAsync(string issueRepository, string itemKey, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var query = new GitHubIssueQuery("all", ActionItemLabels, since);
        await foreach (var issue in client.ListIssuesAsync(GitHubRepoName.Parse(issueRepository), query, cancellationToken))
        {
            if (IssueMarker.Find(issue.Body) == itemKey)
            {
                return new IssueRef(issue.Number, issue.HtmlUrl);
            }
        }

        return null;
    }

    public async Task<IssueRef> CreateAsync(string issueRepository, IssueDraft draft, CancellationToken cancellationToken)
    {
        var repo = GitHubRepoName.Parse(issueRepository);
        var assignees = new List<string>();
        foreach (var login in draft.Assignees)
        {
            if (await client.IsAssignableAsync(repo, login, cancellationToken))
            {
                assignees.Add(login);
            }
        }

        IssueRef opened;
        try
        {
            opened = ToRef(await client.CreateIssueAsync(repo, new NewIssue(draft.Title, draft.Body, draft.Labels, assignees), cancellationToken));
        }
        catch (GitHubValidationException e) when (assignees.Count > 0)
        {
            // A 422 means GitHub created nothing; an assignee that passed the check but is refused is not worth losing the issue.
            var refused = LogText.Sanitize(string.Join(", ", assignees))!;
            var reason = LogText.Sanitize(e.Message)!;
            Log.AssigneesRefused(logger, repo.FullName, refused, reason);
            opened = ToRef(await client.CreateIssueAsync(repo, new NewIssue(draft.Title, draft.Body, draft.Labels, []), cancellationToken));
        }

        metrics?.IssueOpened(repo.FullName);
        return opened;
    }

    public Task UpdateAsync(string issueRepository, int number, IssueDraft draft, CancellationToken cancellationToken) =>
        client.UpdateIssueAsync(GitHubRepoName.Parse(issueRepository), number, new IssueUpdate(Title: draft.Title, Body: draft.Body), cancellationToken);

    public Task CommentAsync(string issueRepository, int number, string body, CancellationToken cancellationToken) =>
        client.CreateCommentAsync(GitHubRepoName.Parse(issueRepository), number, body, cancellationToken);

    public async Task<bool> CommentOnceAsync(string issueRepository, int number, string body, string marker, CancellationToken cancellationToken)
    {
        var repo = GitHubRepoName.Parse(issueRepository);
        await foreach (var comment in client.ListCommentsAsync(repo, number, cancellationToken).ConfigureAwait(false))
        {
            if (comment.Body.Contains(marker, StringComparison.Ordinal))
            {
                return false;
            }
        }

        await client.CreateCommentAsync(repo, number, body, cancellationToken).ConfigureAwait(false);
        return true;
    }

    public async IAsyncEnumerable<IssueStatus> ListChangedSinceAsync(string issueRepository, DateTimeOffset since, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var query = new GitHubIssueQuery("all", ActionItemLabels, since);
        await foreach (var issue in client.ListIssuesAsync(GitHubRepoName.Parse(issueRepository), query, cancellationToken))
        {
            var state = string.Equals(issue.State, "closed", StringComparison.OrdinalIgnoreCase) ? ItemState.Closed : ItemState.Open;
            yield return new IssueStatus(issue.Number, state, IssueMarker.Find(issue.Body), issue.UpdatedAt);
        }
    }

    private static IssueRef ToRef(GitHubIssue issue) => new(issue.Number, issue.HtmlUrl);

    private static string LabelColor(string label) => label switch
    {
        IssueWriter.ActionItemLabel => "d73a4a",
        IssueWriter.PostmortemLabel => "5319e7",
        _ when label.StartsWith("priority", StringComparison.Ordinal) => "fbca04",
        _ => "0e8a16",
    };

    private static partial class Log
    {
        [LoggerMessage(EventId = 1200, Level = LogLevel.Warning, Message = "GitHub refused assignees {Assignees} in {Repository} ({Reason}); the issue is opened without them")]
        public static partial void AssigneesRefused(ILogger logger, string repository, string assignees, string reason);
    }
}
