using ActionBot.Core.Extraction;
using ActionBot.Core.Tracking;
using ActionBot.Testing;

namespace ActionBot.Storage.Tests.TestKit;

/// <summary>Test data: a merged postmortem and its items, with every field set.</summary>
internal static class Tracked
{
    public const string Repository = "acme/ops";
    public const string Path = "postmortems/2025-02-20-dns.md";
    public const string IssueRepository = "acme/ops-issues";

    public static TrackedPostmortem Postmortem(string repository = Repository, string path = Path) => new()
    {
        Repository = repository,
        Path = path,
        IssueRepository = IssueRepository,
        CommitSha = "0123456789abcdef0123456789abcdef01234567",
        PullRequest = 101,
        PullRequestUrl = $"https://github.com/{repository}/pull/101",
        Author = "octocat",
        Title = "DNS resolver exhaustion",
        Date = new DateOnly(2025, 2, 20),
        MergedAt = FakeTimeProvider.DefaultStart.AddDays(-1),
        FileUrl = $"https://github.com/{repository}/blob/0123456/{path}",
    };

    public static TrackedItem Item(string itemId, string repository = Repository, string path = Path, params string[] owners) => new()
    {
        Key = IssueMarker.KeyFor(repository, path, itemId),
        Repository = repository,
        Path = path,
        IssueRepository = IssueRepository,
        ItemId = itemId,
        Title = $"Fix {itemId}",
        Details = "Raise the resolver's connection limit and alert before it runs out.",
        Section = "Action items",
        Owners = owners.Length == 0 ? ["alice"] : owners,
        Due = new DateOnly(2025, 3, 14),
        Priority = "P1",
        Kind = ActionItemKind.Corrective,
        Line = 31,
        CreatedAt = FakeTimeProvider.DefaultStart,
        UpdatedAt = FakeTimeProvider.DefaultStart,
    };
}
