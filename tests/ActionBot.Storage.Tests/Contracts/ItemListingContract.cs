using ActionBot.Core.Ports;
using ActionBot.Core.Tracking;
using ActionBot.Storage.Tests.TestKit;

namespace ActionBot.Storage.Tests.Contracts;

/// <summary>
/// The read side's listings on every provider: <see cref="IActionItemStore.PageItemsAsync"/> (keyset pages in creation
/// order, so a client that follows the cursor sees every item once while items are added and changed meanwhile) and
/// <see cref="IActionItemStore.ListItemSummariesAsync"/>.
/// </summary>
public abstract class ItemListingContract : IAsyncLifetime
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly StorageTestDatabase _database;

    private protected ItemListingContract(StorageTestDatabase database) => _database = database;

    public Task InitializeAsync() => _database.InitializeAsync();

    public Task DisposeAsync() => _database.DisposeAsync().AsTask();

    [StorageFact]
    public async Task Following_the_cursor_sees_every_item_once_in_creation_then_key_order()
    {
        var store = await SeededStoreAsync();
        var start = _database.Time.GetUtcNow();

        // Items upserted together share a creation time; the key orders them.
        var items = Enumerable.Range(0, 11).Select(i => Tracked.Item($"item{i:00}") with { CreatedAt = start.AddMinutes(i / 3) }).ToList();
        await store.UpsertItemsAsync(items, None);

        var (seen, pages) = await WalkAsync(store, new ItemQuery(ItemStateFilter.All), limit: 4);

        var expected = items.OrderBy(i => i.CreatedAt).ThenBy(i => i.Key, StringComparer.Ordinal).Select(i => i.ItemId);
        Assert.Equal(expected, seen);
        Assert.Equal(3, pages);
    }

    [StorageFact]
    public async Task Items_added_and_changed_during_a_walk_neither_repeat_nor_hide_the_others()
    {
        var store = await SeededStoreAsync();
        var items = Enumerable.Range(0, 9).Select(i => Tracked.Item($"item{i}") with { CreatedAt = _database.Time.GetUtcNow().AddMinutes(i) }).ToList();
        await store.UpsertItemsAsync(items, None);

        var first = await store.PageItemsAsync(new ItemQuery(ItemStateFilter.All), null, 3, None);

        // Meanwhile: a new item, an item already seen reworded, one not seen yet closed by its issue.
        _database.Time.Advance(TimeSpan.FromHours(1));
        await store.UpsertItemsAsync([Tracked.Item("late-comer") with { CreatedAt = _database.Time.GetUtcNow() }, items[1] with { Title = "Reworded", Line = 99 }], None);
        await store.RecordIssueAsync(items[6].Key, new IssueRef(6, "https://github.com/acme/ops-issues/issues/6"), None);
        await store.SetIssueStateAsync(Tracked.IssueRepository, 6, ItemState.Closed, _database.Time.GetUtcNow(), None);
        var (rest, _) = await WalkAsync(store, new ItemQuery(ItemStateFilter.All), limit: 3, first.Next);

        var seen = first.Items.Select(i => i.ItemId).Concat(rest).ToList();
        Assert.Equal([.. items.Select(i => i.ItemId), "late-comer"], seen);
    }

    [StorageFact]
    public async Task Pages_follow_the_state_owner_and_repository_of_the_query()
    {
        var store = await SeededStoreAsync();
        await store.SavePostmortemAsync(Tracked.Postmortem("acme/web"), None);
        var items = Enumerable.Range(0, 8).Select(i => Tracked.Item($"item{i}", repository: i % 4 == 3 ? "acme/web" : Tracked.Repository, owners: i % 2 == 0 ? "Dana" : "lee") with
        {
            CreatedAt = _database.Time.GetUtcNow().AddMinutes(i),
            State = i == 4 ? ItemState.Closed : ItemState.Open,
        }).ToList();
        await store.UpsertItemsAsync(items, None);

        Assert.Equal(["item0", "item2", "item6"], (await WalkAsync(store, new ItemQuery(ItemStateFilter.Open, Owner: "@dana"), limit: 2)).Seen);
        Assert.Equal(["item4"], (await WalkAsync(store, new ItemQuery(ItemStateFilter.Closed), limit: 2)).Seen);
        Assert.Equal(["item3", "item7"], (await WalkAsync(store, new ItemQuery(ItemStateFilter.All, Repository: "ACME/web"), limit: 1)).Seen);
    }

    [StorageFact]
    public async Task A_page_that_ends_at_the_last_item_says_there_is_no_next_and_items_read_back_whole()
    {
        var store = await SeededStoreAsync();
        var item = Tracked.Item("only", owners: ["alice", "Bob"]);
        await store.UpsertItemsAsync([item], None);

        var page = await store.PageItemsAsync(new ItemQuery(), null, 1, None);
        var after = await store.PageItemsAsync(new ItemQuery(), ItemPosition.Of(item), 5, None);

        Assert.Null(page.Next);
        Assert.Equal(item.Owners, page.Items.Single().Owners);
        Assert.Equal(item with { Owners = [] }, page.Items.Single() with { Owners = [] });
        Assert.Empty(after.Items);
        Assert.Null(after.Next);
    }

    [StorageFact]
    public async Task Summaries_hold_every_item_still_in_its_postmortem_field_for_field()
    {
        var store = await SeededStoreAsync();
        var issued = Tracked.Item("issued", owners: ["alice", "Bob"]);
        var closed = Tracked.Item("closed") with { Owners = [], Due = null, Priority = null, State = ItemState.Closed, ClosedAt = _database.Time.GetUtcNow().AddDays(2) };
        await store.UpsertItemsAsync([issued, closed, Tracked.Item("removed") with { Removed = true }], None);
        await store.RecordIssueAsync(issued.Key, new IssueRef(12, "https://github.com/acme/ops-issues/issues/12"), None);

        var summaries = (await store.ListItemSummariesAsync(None)).ToDictionary(s => s.Key);

        Assert.Equal(new[] { issued.Key, closed.Key }.Order(StringComparer.Ordinal), summaries.Keys.Order(StringComparer.Ordinal));
        var expected = ItemSummary.Of(issued with { IssueNumber = 12, IssueUrl = "https://github.com/acme/ops-issues/issues/12", UpdatedAt = _database.Time.GetUtcNow() });
        Assert.Equal(expected.Owners, summaries[issued.Key].Owners);
        Assert.Equal(expected with { Owners = [] }, summaries[issued.Key] with { Owners = [] });
        Assert.Equal(ItemSummary.Of(closed) with { Owners = [] }, summaries[closed.Key] with { Owners = [] });
        Assert.Empty(summaries[closed.Key].Owners);
    }

    private static async Task<(List<string> Seen, int Pages)> WalkAsync(IActionItemStore store, ItemQuery query, int limit, ItemPosition? after = null)
    {
        var seen = new List<string>();
        var pages = 0;
        do
        {
            var page = await store.PageItemsAsync(query, after, limit, None);
            Assert.True(page.Items.Count <= limit);
            seen.AddRange(page.Items.Select(i => i.ItemId));
            after = page.Next;
            pages++;
        }
        while (after is not null && pages < 100);

        return (seen, pages);
    }

    private async Task<IActionItemStore> SeededStoreAsync()
    {
        var store = await _database.StoreAsync();
        await store.SavePostmortemAsync(Tracked.Postmortem(), None);
        return store;
    }
}
