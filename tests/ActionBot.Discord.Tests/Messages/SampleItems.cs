using ActionBot.Core.Tracking;

namespace ActionBot.Discord.Tests.Messages;

/// <summary>Tracked postmortems and items for rendering tests, with the untrusted fields set by each test.</summary>
internal static class SampleItems
{
    public static TrackedPostmortem Postmortem(string? title = "Database outage", string path = "postmortems/2025-03-01-db.md", int? pullRequest = 101) => new()
    {
        Repository = "acme/services",
        Path = path,
        IssueRepository = "acme/services",
        CommitSha = "abc123",
        PullRequest = pullRequest,
        PullRequestUrl = pullRequest is null ? null : $"https://github.com/acme/services/pull/{pullRequest}",
        Title = title,
    };

    public static TrackedItem Item(string title, IReadOnlyList<string>? owners = null, int? issue = 12, ItemState state = ItemState.Open) => new()
    {
        Key = "key-" + title.GetHashCode(StringComparison.Ordinal),
        Repository = "acme/services",
        Path = "postmortems/2025-03-01-db.md",
        IssueRepository = "acme/services",
        ItemId = "id",
        Title = title,
        Section = "Action items",
        Owners = owners ?? [],
        IssueNumber = issue,
        IssueUrl = issue is null ? null : $"https://github.com/acme/services/issues/{issue}",
        State = state,
    };
}
