using ActionBot.Core.Extraction;
using ActionBot.Core.Observability;
using ActionBot.Core.Ports;
using ActionBot.Core.Tracking;
using ActionBot.GitHub.Api;
using ActionBot.GitHub.Content;
using ActionBot.GitHub.Webhooks;
using ActionBot.GitHub.Webhooks.Payloads;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ActionBot.GitHub.Processing;

/// <summary>
/// Does what a stored delivery asks, off the acknowledgement path: reads the merged postmortems of a pull
/// request or push and ingests them, or follows an issue's state. Safe to run twice for the same delivery.
/// </summary>
public sealed partial class GitHubDeliveryProcessor(
    IRepositoryFiles files,
    PostmortemIngestion ingestion,
    IActionItemStore store,
    IOptionsMonitor<GitHubOptions> options,
    TimeProvider time,
    ILogger<GitHubDeliveryProcessor> logger,
    TrackingIssueKeeper? tracking = null)
{
    private static readonly HashSet<string> ReadableStatuses = new(StringComparer.Ordinal) { "added", "modified", "renamed", "changed" };

    public async Task ProcessAsync(InboxDelivery delivery, CancellationToken cancellationToken)
    {
        var repositories = options.CurrentValue.Repositories;
        var watched = repositories.Select(r => new WatchedRepository(r.Name, r.PostmortemPaths.ToList(), r.IssueRepository ?? r.Name)).ToList();
        switch (WebhookEventRouter.Route(delivery.Event, delivery.Body.Span, watched))
        {
            case WebhookRoute.MergedPullRequest merged:
                await IngestPullRequestAsync(merged, Find(repositories, merged.Repository), cancellationToken);
                break;
            case WebhookRoute.DirectPush push:
                await IngestPushAsync(push, Find(repositories, push.Repository), cancellationToken);
                break;
            case WebhookRoute.IssueChanged issue:
                await FollowIssueAsync(issue, delivery.Body, cancellationToken);
                break;
            case WebhookRoute.Ignored ignored:
                Log.Ignored(logger, delivery.Id, delivery.Event, ignored.Reason);
                break;
        }
    }

    private async Task IngestPullRequestAsync(WebhookRoute.MergedPullRequest merged, GitHubRepositoryOptions repository, CancellationToken cancellationToken)
    {
        var repo = GitHubRepoName.Parse(merged.Repository);
        var matcher = new PostmortemPathMatcher(repository.PostmortemPaths.ToList());
        var paths = (await files.ListPullRequestFilesAsync(repo, merged.Number, cancellationToken))
            .Where(file => ReadableStatuses.Contains(file.Status) && matcher.IsMatch(file.Path))
            .Select(file => file.Path)
            .ToList();

        Log.PullRequestRead(logger, merged.Repository, merged.Number, paths.Count);
        var site = SiteOf(merged.HtmlUrl);
        foreach (var path in paths)
        {
            var postmortem = new TrackedPostmortem
            {
                Repository = merged.Repository,
                Path = path,
                IssueRepository = repository.IssueRepository ?? repository.Name,
                CommitSha = merged.MergeCommitSha,
                PullRequest = merged.Number,
                PullRequestUrl = merged.HtmlUrl,
                Author = merged.Author,
                MergedAt = merged.MergedAt,
                FileUrl = site is null ? null : $"{site}/{merged.Repository}/blob/{merged.MergeCommitSha}/{path}",
            };
            await IngestFileAsync(repo, postmortem, repository, cancellationToken);
        }
    }

    private async Task IngestPushAsync(WebhookRoute.DirectPush push, GitHubRepositoryOptions repository, CancellationToken cancellationToken)
    {
        var repo = GitHubRepoName.Parse(push.Repository);
        foreach (var path in push.ChangedPaths)
        {
            // A merged pull request also pushes its merge commit; that file was (or will be) read with its pull request.
            // Read at this commit already (with its pull request, or by an earlier try of this delivery that crashed or
            // failed after storing the reading): finish what that reading left undone instead of reading it again.
            if (await store.GetPostmortemAsync(push.Repository, path, cancellationToken) is { } known && known.CommitSha == push.After)
            {
                await ingestion.ResumeAsync(known, cancellationToken);
                continue;
            }

            var postmortem = new TrackedPostmortem
            {
                Repository = push.Repository,
                Path = path,
                IssueRepository = repository.IssueRepository ?? repository.Name,
                CommitSha = push.After,
                MergedAt = time.GetUtcNow(),
            };
            await IngestFileAsync(repo, postmortem, repository, cancellationToken);
        }
    }

    private async Task IngestFileAsync(GitHubRepoName repo, TrackedPostmortem postmortem, GitHubRepositoryOptions repository, CancellationToken cancellationToken)
    {
        // Listed as changed, so it exists at that commit: GitHub not finding it yet is worth trying again later.
        var bytes = await files.ReadFileAsync(repo, postmortem.Path, postmortem.CommitSha, cancellationToken)
            ?? throw new InvalidOperationException($"GitHub has no file {postmortem.Path} at {postmortem.CommitSha} in {postmortem.Repository} (yet).");
        var text = PostmortemDecoder.Decode(bytes);

        // A file's path is whatever its author named it (git allows control characters), and warnings quote its text.
        var path = LogText.Sanitize(postmortem.Path)!;
        if (text.Text is null)
        {
            Log.Unreadable(logger, postmortem.Repository, path, text.Error ?? "unreadable");
            return;
        }

        var report = await ingestion.IngestAsync(postmortem, text.Text, repository.DiscordChannelId?.ToString(System.Globalization.CultureInfo.InvariantCulture), cancellationToken);
        foreach (var warning in report.Warnings)
        {
            var message = LogText.Sanitize(warning.Message)!;
            Log.ExtractionWarning(logger, path, warning.Line, message);
        }

        Log.Ingested(logger, postmortem.Repository, path, report.Items, report.IssuesOpened.Count, report.Reworded, report.Removed);
    }

    private async Task FollowIssueAsync(WebhookRoute.IssueChanged issue, ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        // Reassigning the issue on GitHub changes who owns the task, and so who is reminded.
        if (issue.Action is "assigned" or "unassigned"
            && System.Text.Json.JsonSerializer.Deserialize(body.Span, WebhookJsonContext.Default.IssuesEvent) is { } payload)
        {
            var owners = payload.Issue.Assignees.Select(a => a.Login).ToList();
            var found = await store.SetIssueOwnersAsync(issue.IssueRepository, issue.Number, owners, time.GetUtcNow(), cancellationToken);
            Log.IssueFollowed(logger, issue.IssueRepository, issue.Number, issue.Action, found);
            return;
        }

        ItemState? state = issue.Action switch
        {
            "closed" or "deleted" => ItemState.Closed,
            "reopened" => ItemState.Open,
            _ => null,
        };
        if (state is { } known)
        {
            // GitHub's own time of the change, as the reconcile pass sees it too: the later of the two wins.
            var at = System.Text.Json.JsonSerializer.Deserialize(body.Span, WebhookJsonContext.Default.IssuesEvent)?.Issue.UpdatedAt ?? time.GetUtcNow();
            var found = await store.SetIssueStateAsync(issue.IssueRepository, issue.Number, known, at, cancellationToken);
            Log.IssueFollowed(logger, issue.IssueRepository, issue.Number, issue.Action, found);
            await FollowTrackingIssueAsync(issue, found, cancellationToken);
        }
    }

    // The postmortem's tracking issue follows its sub-issues: closed when the last one closes, reopened when one reopens.
    private async Task FollowTrackingIssueAsync(WebhookRoute.IssueChanged issue, bool itemFound, CancellationToken cancellationToken)
    {
        if (itemFound && tracking is not null && await tracking.FollowIssueAsync(issue.IssueRepository, issue.Number, cancellationToken))
        {
            Log.TrackingIssueFollowed(logger, issue.IssueRepository, issue.Number, issue.Action);
        }
    }

    private static GitHubRepositoryOptions Find(IEnumerable<GitHubRepositoryOptions> repositories, string name) =>
        repositories.First(r => string.Equals(r.Name, name, StringComparison.OrdinalIgnoreCase));

    // "https://github.com/acme/ops/pull/7" -> "https://github.com": links work on GitHub Enterprise too.
    private static string? SiteOf(string htmlUrl) =>
        Uri.TryCreate(htmlUrl, UriKind.Absolute, out var uri) ? uri.GetLeftPart(UriPartial.Authority) : null;

    private static partial class Log
    {
        [LoggerMessage(EventId = 1300, Level = LogLevel.Debug, Message = "Delivery {DeliveryId} ({Event}) ignored: {Reason}")]
        public static partial void Ignored(ILogger logger, string deliveryId, string @event, string reason);

        [LoggerMessage(EventId = 1301, Level = LogLevel.Information, Message = "Pull request {Repository}#{Number} merged with {Count} postmortem file(s)")]
        public static partial void PullRequestRead(ILogger logger, string repository, int number, int count);

        [LoggerMessage(EventId = 1302, Level = LogLevel.Warning, Message = "Postmortem {Repository}/{Path} skipped: {Reason}")]
        public static partial void Unreadable(ILogger logger, string repository, string path, string reason);

        [LoggerMessage(EventId = 1303, Level = LogLevel.Warning, Message = "{Path}:{Line}: {Message}")]
        public static partial void ExtractionWarning(ILogger logger, string path, int line, string message);

        [LoggerMessage(EventId = 1304, Level = LogLevel.Information, Message = "Postmortem {Repository}/{Path}: {Items} item(s), {Opened} issue(s) opened, {Reworded} reworded, {Removed} removed")]
        public static partial void Ingested(ILogger logger, string repository, string path, int items, int opened, int reworded, int removed);

        [LoggerMessage(EventId = 1305, Level = LogLevel.Information, Message = "Issue {Repository}#{Number} {Action}; tracked item found: {Found}")]
        public static partial void IssueFollowed(ILogger logger, string repository, int number, string action, bool found);

        [LoggerMessage(EventId = 1306, Level = LogLevel.Information, Message = "Issue {Repository}#{Number} {Action}: its postmortem's tracking issue follows")]
        public static partial void TrackingIssueFollowed(ILogger logger, string repository, int number, string action);
    }
}
