using System.Text.Json;
using ActionBot.GitHub.Webhooks.Payloads;

namespace ActionBot.GitHub.Webhooks;

/// <summary>
/// Decides what a verified delivery means, from its event name, payload and the watched repositories.
/// Pure: no I/O, no clock. Repository names compare case-insensitively (as GitHub treats them) and
/// routes carry the configured spelling, so they key storage the same way whatever GitHub sent.
/// </summary>
public static class WebhookEventRouter
{
    private const string BranchPrefix = "refs/heads/";
    private const string NullSha = "0000000000000000000000000000000000000000";

    public static WebhookRoute Route(string eventName, ReadOnlySpan<byte> payload, IReadOnlyList<WatchedRepository> repositories)
    {
        ArgumentNullException.ThrowIfNull(eventName);
        ArgumentNullException.ThrowIfNull(repositories);
        try
        {
            return eventName switch
            {
                "pull_request" => JsonSerializer.Deserialize(payload, WebhookJsonContext.Default.PullRequestEvent) is { } pr
                    ? RoutePullRequest(pr, repositories)
                    : Unreadable(eventName),
                "push" => JsonSerializer.Deserialize(payload, WebhookJsonContext.Default.PushEvent) is { } push
                    ? RoutePush(push, repositories)
                    : Unreadable(eventName),
                "issues" => JsonSerializer.Deserialize(payload, WebhookJsonContext.Default.IssuesEvent) is { } issues
                    ? RouteIssues(issues, repositories)
                    : Unreadable(eventName),
                _ => new WebhookRoute.Ignored($"{eventName} events are not handled"),
            };
        }
        catch (JsonException e)
        {
            return new WebhookRoute.Ignored($"{eventName} payload could not be read: {e.Message}");
        }
    }

    private static WebhookRoute RoutePullRequest(PullRequestEvent e, IReadOnlyList<WatchedRepository> repositories)
    {
        var pr = e.PullRequest;
        if (Find(repositories, e.Repository.FullName) is not { } watched)
        {
            return new WebhookRoute.Ignored($"{e.Repository.FullName} is not a watched repository");
        }

        if (e.Action != "closed" || !pr.Merged)
        {
            return new WebhookRoute.Ignored($"pull request #{pr.Number} was {e.Action}, not merged");
        }

        var defaultBranch = e.Repository.DefaultBranch ?? pr.Base.Repo.DefaultBranch;
        if (pr.Base.Ref != defaultBranch)
        {
            return new WebhookRoute.Ignored($"pull request #{pr.Number} merged into {pr.Base.Ref}, not the default branch {defaultBranch}");
        }

        if (pr.MergeCommitSha is not { } sha || pr.MergedAt is not { } mergedAt)
        {
            return new WebhookRoute.Ignored($"merged pull request #{pr.Number} carries no merge commit or merge time");
        }

        return new WebhookRoute.MergedPullRequest(watched.Name, pr.Number, sha, pr.Base.Ref, pr.Title, pr.HtmlUrl, pr.User.Login, mergedAt);
    }

    private static WebhookRoute RoutePush(PushEvent e, IReadOnlyList<WatchedRepository> repositories)
    {
        if (Find(repositories, e.Repository.FullName) is not { } watched)
        {
            return new WebhookRoute.Ignored($"{e.Repository.FullName} is not a watched repository");
        }

        var defaultBranch = e.Repository.DefaultBranch;
        if (defaultBranch is null || e.Ref != BranchPrefix + defaultBranch)
        {
            return new WebhookRoute.Ignored($"push to {e.Ref}, not the default branch {defaultBranch}");
        }

        if (e.After == NullSha)
        {
            return new WebhookRoute.Ignored($"push deleted {e.Ref}");
        }

        var changed = ChangedPostmortems(e.Commits, new PostmortemPathMatcher(watched.PostmortemPaths));
        return changed.Count == 0
            ? new WebhookRoute.Ignored($"push to {e.Ref} changes no postmortem")
            : new WebhookRoute.DirectPush(watched.Name, e.Before, e.After, changed);
    }

    // Postmortems present after the push: commits come oldest first, so a later removal (or the old half of
    // a rename) takes back an earlier addition.
    private static List<string> ChangedPostmortems(IReadOnlyList<PushCommit> commits, PostmortemPathMatcher matcher)
    {
        var paths = new List<string>();
        foreach (var commit in commits)
        {
            AddMatching(paths, commit.Added, matcher);
            AddMatching(paths, commit.Modified, matcher);
            foreach (var removed in commit.Removed)
            {
                paths.Remove(removed);
            }
        }

        return paths;
    }

    private static void AddMatching(List<string> paths, IReadOnlyList<string> candidates, PostmortemPathMatcher matcher)
    {
        foreach (var path in candidates)
        {
            if (matcher.IsMatch(path) && !paths.Contains(path))
            {
                paths.Add(path);
            }
        }
    }

    private static WebhookRoute RouteIssues(IssuesEvent e, IReadOnlyList<WatchedRepository> repositories)
    {
        if (e.Action is not ("closed" or "reopened" or "assigned" or "unassigned" or "edited" or "deleted"))
        {
            return new WebhookRoute.Ignored($"issue #{e.Issue.Number} was {e.Action}");
        }

        var name = e.Repository.FullName;
        foreach (var watched in repositories)
        {
            if (string.Equals(watched.IssueRepository, name, StringComparison.OrdinalIgnoreCase))
            {
                return new WebhookRoute.IssueChanged(watched.IssueRepository, e.Issue.Number, e.Action, e.Issue.State);
            }

            if (string.Equals(watched.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return new WebhookRoute.IssueChanged(watched.Name, e.Issue.Number, e.Action, e.Issue.State);
            }
        }

        return new WebhookRoute.Ignored($"{name} is neither a watched repository nor an issue repository");
    }

    private static WatchedRepository? Find(IReadOnlyList<WatchedRepository> repositories, string fullName)
    {
        foreach (var watched in repositories)
        {
            if (string.Equals(watched.Name, fullName, StringComparison.OrdinalIgnoreCase))
            {
                return watched;
            }
        }

        return null;
    }

    private static WebhookRoute.Ignored Unreadable(string eventName) => new($"{eventName} payload is empty (null)");
}
