using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using ActionBot.Core.Observability;
using ActionBot.Core.Ports;
using ActionBot.Core.Tracking;
using ActionBot.GitHub.Api;
using Microsoft.Extensions.Logging;
using Octokit;
using ItemState = ActionBot.Core.Tracking.ItemState;

namespace ActionBot.GitHub.Tracking;

/// <summary>
/// The issue tracker port over GitHub issues, through Octokit; sub-issues (which Octokit 14 does not know) through its
/// connection, under the same handler chain: an attach is a content-creating POST that is never repeated blindly.
/// </summary>
public sealed partial class GitHubIssueTracker(IGitHubClient github, ILogger<GitHubIssueTracker> logger, ActionBotMetrics? metrics = null, TimeProvider? time = null) : IIssueTracker
{
    private static readonly ApiOptions AllPages = new() { PageSize = 100 };

    // Who may be assigned changes rarely: asked once an hour per login, not once per issue (a postmortem's owners repeat).
    private static readonly TimeSpan AssigneeCheckLifetime = TimeSpan.FromHours(1);

    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly ApiConnection _api = new(github.Connection);

    // Labels exist once created; asking GitHub again for every postmortem would only spend rate limit.
    private readonly ConcurrentDictionary<(string Repository, string Label), bool> _knownLabels = new();
    private readonly ConcurrentDictionary<(string Repository, string Login), (bool Assignable, DateTimeOffset CheckedAt)> _assignees = new();

    public async Task EnsureLabelsAsync(string issueRepository, IReadOnlyList<string> labels, CancellationToken cancellationToken)
    {
        var repo = GitHubRepoName.Parse(issueRepository);
        foreach (var label in labels.Where(l => !_knownLabels.ContainsKey((repo.FullName, l))))
        {
            await GitHubCall.RunAsync(() => EnsureLabelAsync(repo, label), cancellationToken);
            _knownLabels[(repo.FullName, label)] = true;
        }
    }

    public async Task<IssueRef?> FindByItemKeyAsync(string issueRepository, string itemKey, DateTimeOffset since, CancellationToken cancellationToken)
    {
        await foreach (var issue in ActionItemIssuesAsync(issueRepository, since, cancellationToken))
        {
            if (IssueMarker.Find(issue.Body) == itemKey)
            {
                return new IssueRef(issue.Number, issue.HtmlUrl, issue.Id);
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
            if (await IsAssignableAsync(repo, login, cancellationToken))
            {
                assignees.Add(login);
            }
        }

        Issue opened;
        try
        {
            opened = await OpenAsync(repo, draft, assignees, cancellationToken);
        }
        catch (ApiValidationException e) when (assignees.Count > 0)
        {
            // A 422 means GitHub created nothing; an assignee that passed the check but is refused is not worth losing the issue.
            Log.AssigneesRefused(logger, repo.FullName, LogText.Sanitize(string.Join(", ", assignees))!, LogText.Sanitize(e.Message)!);
            opened = await OpenAsync(repo, draft, [], cancellationToken);
        }

        if (draft.Labels.Contains(IssueWriter.ActionItemLabel))
        {
            metrics?.IssueOpened(repo.FullName);
        }

        return new IssueRef(opened.Number, opened.HtmlUrl, opened.Id);
    }

    public Task UpdateAsync(string issueRepository, int number, IssueDraft draft, CancellationToken cancellationToken)
    {
        var repo = GitHubRepoName.Parse(issueRepository);
        return GitHubCall.RunAsync(() => github.Issue.Update(repo.Owner, repo.Name, number, new IssueUpdate { Title = draft.Title, Body = draft.Body }), cancellationToken);
    }

    public Task CommentAsync(string issueRepository, int number, string body, CancellationToken cancellationToken)
    {
        var repo = GitHubRepoName.Parse(issueRepository);
        return GitHubCall.RunAsync(() => github.Issue.Comment.Create(repo.Owner, repo.Name, number, body), cancellationToken);
    }

    public async Task<bool> CommentOnceAsync(string issueRepository, int number, string body, string marker, CancellationToken cancellationToken)
    {
        var repo = GitHubRepoName.Parse(issueRepository);
        var comments = await GitHubCall.RunAsync(() => github.Issue.Comment.GetAllForIssue(repo.Owner, repo.Name, number, AllPages), cancellationToken);
        if (comments.Any(c => c.Body?.Contains(marker, StringComparison.Ordinal) == true))
        {
            return false;
        }

        await CommentAsync(issueRepository, number, body, cancellationToken);
        return true;
    }

    public async IAsyncEnumerable<IssueStatus> ListChangedSinceAsync(string issueRepository, DateTimeOffset since, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var issue in ActionItemIssuesAsync(issueRepository, since, cancellationToken))
        {
            var state = issue.State.StringValue == "closed" ? ItemState.Closed : ItemState.Open;
            yield return new IssueStatus(issue.Number, state, IssueMarker.Find(issue.Body), issue.UpdatedAt ?? issue.CreatedAt);
        }
    }

    public async Task<IssueRef?> FindTrackingIssueAsync(string issueRepository, string postmortemKey, DateTimeOffset since, CancellationToken cancellationToken)
    {
        await foreach (var issue in LabelledIssuesAsync(issueRepository, IssueWriter.PostmortemLabel, since, cancellationToken))
        {
            if (IssueMarker.FindPostmortem(issue.Body) == postmortemKey)
            {
                return new IssueRef(issue.Number, issue.HtmlUrl, issue.Id);
            }
        }

        return null;
    }

    public async Task<IssueRef> GetIssueAsync(string issueRepository, int number, CancellationToken cancellationToken)
    {
        var repo = GitHubRepoName.Parse(issueRepository);
        var issue = await GitHubCall.RunAsync(() => github.Issue.Get(repo.Owner, repo.Name, number), cancellationToken);
        return new IssueRef(issue.Number, issue.HtmlUrl, issue.Id);
    }

    public async Task<SubIssueRefusal?> AttachSubIssueAsync(string issueRepository, int parentNumber, long subIssueId, CancellationToken cancellationToken)
    {
        var repo = GitHubRepoName.Parse(issueRepository);
        try
        {
            await GitHubCall.RunAsync(() => _api.Post<Issue>(SubIssues(repo, parentNumber), new SubIssueRequest(subIssueId)), cancellationToken);
            metrics?.SubIssueAttached(repo.FullName);
            return null;
        }
        catch (ApiValidationException e)
        {
            // 422: attached here already, under another parent (a person's choice, which stands), or the parent is full.
            var reason = string.Join("; ", new[] { e.ApiError?.Message }.Concat(e.ApiError?.Errors?.Select(x => x.Message) ?? []).OfType<string>());
            Log.SubIssueRefused(logger, repo.FullName, parentNumber, subIssueId, reason);
            return new SubIssueRefusal(reason);
        }
        catch (Exception e) when (AnswerLost(e, cancellationToken))
        {
            throw new UncertainWriteException($"GitHub may have attached issue id {subIssueId} to {repo.FullName}#{parentNumber}: {e.Message}", e);
        }
    }

    public async Task<IReadOnlyList<long>> ListSubIssueIdsAsync(string issueRepository, int parentNumber, CancellationToken cancellationToken)
    {
        var repo = GitHubRepoName.Parse(issueRepository);
        var issues = await GitHubCall.RunAsync(() => _api.GetAll<Issue>(SubIssues(repo, parentNumber), AllPages), cancellationToken);
        return [.. issues.Select(i => i.Id)];
    }

    public Task SetStateAsync(string issueRepository, int number, ItemState state, CancellationToken cancellationToken)
    {
        var repo = GitHubRepoName.Parse(issueRepository);
        var update = state == ItemState.Closed
            ? new IssueUpdate { State = Octokit.ItemState.Closed, StateReason = ItemStateReason.Completed }
            : new IssueUpdate { State = Octokit.ItemState.Open, StateReason = ItemStateReason.Reopened };
        return GitHubCall.RunAsync(() => github.Issue.Update(repo.Owner, repo.Name, number, update), cancellationToken);
    }

    private static Uri SubIssues(GitHubRepoName repo, int parentNumber) =>
        new(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"repos/{repo.Owner}/{repo.Name}/issues/{parentNumber}/sub_issues"), UriKind.Relative);

    private async Task<bool> IsAssignableAsync(GitHubRepoName repo, string login, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        if (_assignees.TryGetValue((repo.FullName, login), out var known) && now - known.CheckedAt < AssigneeCheckLifetime)
        {
            return known.Assignable;
        }

        var assignable = await GitHubCall.RunAsync(() => github.Issue.Assignee.CheckAssignee(repo.Owner, repo.Name, login), cancellationToken);
        _assignees[(repo.FullName, login)] = (assignable, now);
        return assignable;
    }

    private IAsyncEnumerable<Issue> ActionItemIssuesAsync(string issueRepository, DateTimeOffset since, CancellationToken cancellationToken) =>
        LabelledIssuesAsync(issueRepository, IssueWriter.ActionItemLabel, since, cancellationToken);

    /// <summary>
    /// Issues with <paramref name="label"/>, open or closed, updated since <paramref name="since"/>, pull requests left out.
    /// Pages are asked for with If-None-Match (Octokit's response cache): polling an unchanged list costs no rate limit.
    /// </summary>
    private async IAsyncEnumerable<Issue> LabelledIssuesAsync(string issueRepository, string label, DateTimeOffset since, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var repo = GitHubRepoName.Parse(issueRepository);
        var request = new RepositoryIssueRequest { Filter = IssueFilter.All, State = Octokit.ItemStateFilter.All, Since = since };
        request.Labels.Add(label);
        var issues = await GitHubCall.RunAsync(() => github.Issue.GetAllForRepository(repo.Owner, repo.Name, request, AllPages), cancellationToken);
        foreach (var issue in issues.Where(i => i.PullRequest is null))
        {
            yield return issue;
        }
    }

    private async Task<Issue> OpenAsync(GitHubRepoName repo, IssueDraft draft, IReadOnlyList<string> assignees, CancellationToken cancellationToken)
    {
        var issue = new NewIssue(draft.Title) { Body = draft.Body };
        foreach (var label in draft.Labels)
        {
            issue.Labels.Add(label);
        }

        foreach (var login in assignees)
        {
            issue.Assignees.Add(login);
        }

        try
        {
            return await GitHubCall.RunAsync(() => github.Issue.Create(repo.Owner, repo.Name, issue), cancellationToken);
        }
        catch (Exception e) when (AnswerLost(e, cancellationToken))
        {
            throw new UncertainWriteException($"GitHub may have opened '{draft.Title}' in {repo.FullName}: {e.Message}", e);
        }
    }

    // The request was sent and no clear answer came back: a 5xx, a dropped connection, a time-out. (The handler chain
    // repeats what never reached GitHub, and a 4xx or a rate limit means GitHub did nothing.)
    private static bool AnswerLost(Exception e, CancellationToken cancellationToken) => e switch
    {
        ApiException api => (int)api.StatusCode >= 500,
        HttpRequestException or TimeoutException => true,
        OperationCanceledException => !cancellationToken.IsCancellationRequested,
        _ => false,
    };

    private async Task EnsureLabelAsync(GitHubRepoName repo, string label)
    {
        try
        {
            await github.Issue.Labels.Get(repo.Owner, repo.Name, GitHubPath.Segment(label));
        }
        catch (NotFoundException)
        {
            try
            {
                await github.Issue.Labels.Create(repo.Owner, repo.Name, new NewLabel(label, LabelColor(label)));
            }
            catch (ApiValidationException e) when (e.ApiError?.Errors?.Any(x => x.Code == "already_exists") == true)
            {
                // Created meanwhile (another replica, or our own earlier try whose answer was lost).
            }
        }
    }

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

        [LoggerMessage(EventId = 1201, Level = LogLevel.Warning, Message = "GitHub refused to attach issue id {SubIssueId} to {Repository}#{Parent} ({Reason}); it is left where it is")]
        public static partial void SubIssueRefused(ILogger logger, string repository, int parent, long subIssueId, string reason);
    }

    /// <summary>The body of an attach (Octokit writes <c>SubIssueId</c> as <c>sub_issue_id</c>): GitHub's id of the issue, not its number.</summary>
    private sealed record SubIssueRequest(long SubIssueId);
}
