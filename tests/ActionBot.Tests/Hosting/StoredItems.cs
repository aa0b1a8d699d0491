using ActionBot.Core.Ports;
using ActionBot.Core.Tracking;
using ActionBot.Tests.Infrastructure;

namespace ActionBot.Tests.Hosting;

/// <summary>Items written straight into the bot's store, as ingestion would leave them, for the read side's tests.</summary>
internal static class StoredItems
{
    public static readonly DateTimeOffset Start = new(2025, 3, 3, 9, 0, 0, TimeSpan.Zero);

    public static TrackedPostmortem Postmortem(string path, string repository = ActionBotApplication.Repository) => new()
    {
        Repository = repository, Path = path, IssueRepository = repository, CommitSha = "abc123", Title = Path.GetFileNameWithoutExtension(path), MergedAt = Start,
    };

    public static TrackedItem Item(string id, string path, DateTimeOffset createdAt, string repository = ActionBotApplication.Repository, params string[] owners) => new()
    {
        Key = IssueMarker.KeyFor(repository, path, id), Repository = repository, Path = path, IssueRepository = repository, ItemId = id,
        Title = $"Fix {id}", Section = "Action items", Owners = owners.Length == 0 ? ["dana"] : owners, Priority = "P2",
        CreatedAt = createdAt, UpdatedAt = createdAt,
    };

    /// <summary>
    /// <paramref name="count"/> items over three postmortems, created a minute apart (every third at the same minute
    /// as its neighbour, so keys break ties); every fourth is closed, every fifth is lee's.
    /// </summary>
    public static async Task<List<TrackedItem>> SeedAsync(IActionItemStore store, int count)
    {
        var paths = new[] { "postmortems/a.md", "postmortems/b.md", "postmortems/c.md" };
        foreach (var path in paths)
        {
            await store.SavePostmortemAsync(Postmortem(path), CancellationToken.None);
        }

        var items = Enumerable.Range(0, count).Select(i => Item($"item{i:0000}", paths[i % 3], Start.AddMinutes(i - (i % 3 == 2 ? 1 : 0)), owners: i % 5 == 0 ? "lee" : "dana") with
        {
            State = i % 4 == 3 ? ItemState.Closed : ItemState.Open,
            ClosedAt = i % 4 == 3 ? Start.AddDays(1) : null,
        }).ToList();
        await store.UpsertItemsAsync(items, CancellationToken.None);
        return items;
    }
}
