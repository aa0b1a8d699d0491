using ActionBot.Core.Ports;
using ActionBot.Core.Tracking;
using ActionBot.Storage.Tests.TestKit;

namespace ActionBot.Storage.Tests.Contracts;

/// <summary>
/// What the store keeps of tracking issues and sub-issues (migration 0010) and of backfilled items (0011), whatever the
/// database: each step recorded and read back, kept across re-merges, and the unfinished work found for recovery.
/// </summary>
public abstract class TrackingIssueStoreContract : IAsyncLifetime
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly StorageTestDatabase _database;

    private protected TrackingIssueStoreContract(StorageTestDatabase database) => _database = database;

    public Task InitializeAsync() => _database.InitializeAsync();

    public Task DisposeAsync() => _database.DisposeAsync().AsTask();

    [StorageFact]
    public async Task A_tracking_record_reads_back_field_for_field_and_a_re_merge_keeps_it()
    {
        var store = await SeededStoreAsync();
        var tracking = new TrackingRecord
        {
            RequestedAt = _database.Time.GetUtcNow().AddMinutes(-2),
            AttemptedAt = _database.Time.GetUtcNow().AddMinutes(-1),
            Repository = Tracked.IssueRepository,
            Number = 40,
            Url = "https://github.com/acme/ops-issues/issues/40",
            State = ItemState.Closed,
            BodyHash = "0123456789abcdef01234567",
        };

        Assert.True(await store.SaveTrackingAsync(Tracked.Repository, Tracked.Path, tracking, None));
        await store.SavePostmortemAsync(Tracked.Postmortem() with { CommitSha = "fedcba", Title = "Re-merged" }, None);

        var stored = await store.GetPostmortemAsync(Tracked.Repository, Tracked.Path, None);
        Assert.Equal(tracking, stored?.Tracking);
        Assert.Equal("https://github.com/acme/ops-issues/issues/40", stored?.TrackingIssueUrl);
        Assert.Equal(tracking, Assert.Single(await store.ListPostmortemsAsync(null, None)).Tracking);
        Assert.False(await store.SaveTrackingAsync(Tracked.Repository, "postmortems/unknown.md", tracking, None));
    }

    [StorageFact]
    public async Task An_items_issue_id_attach_and_backfill_times_are_recorded_and_kept_when_it_is_upserted_again()
    {
        var store = await SeededStoreAsync();
        var backfilled = _database.Time.GetUtcNow().AddHours(-1);
        var item = Tracked.Item("a") with { BackfilledAt = backfilled };
        await store.UpsertItemsAsync([item], None);
        await store.RecordIssueAsync(item.Key, new IssueRef(7, "https://github.com/acme/ops-issues/issues/7", 3_000_000_123), None);
        await store.MarkAttachAttemptAsync(item.Key, _database.Time.GetUtcNow(), None);
        await store.RecordAttachedAsync(item.Key, _database.Time.GetUtcNow().AddSeconds(1), None);

        // A later reading of the postmortem knows none of it; an issue recorded again without its id keeps the id.
        await store.UpsertItemsAsync([Tracked.Item("a") with { Title = "Reworded" }], None);
        await store.RecordIssueAsync(item.Key, new IssueRef(7, "https://github.com/acme/ops-issues/issues/7"), None);

        var stored = Assert.Single(await store.GetItemsAsync(Tracked.Repository, Tracked.Path, None));
        Assert.Equal(("Reworded", 3_000_000_123L, backfilled), (stored.Title, stored.IssueId, stored.BackfilledAt));
        Assert.Equal(_database.Time.GetUtcNow(), stored.AttachAttemptedAt);
        Assert.Equal(_database.Time.GetUtcNow().AddSeconds(1), stored.AttachedAt);
        Assert.Equal(item.Key, (await store.GetItemByIssueAsync(Tracked.IssueRepository.ToUpperInvariant(), 7, None))?.Key);
        Assert.Null(await store.GetItemByIssueAsync(Tracked.IssueRepository, 8, None));
        await Assert.ThrowsAsync<InvalidOperationException>(() => store.RecordAttachedAsync("unknown", _database.Time.GetUtcNow(), None));
    }

    [StorageFact]
    public async Task Recovery_finds_postmortems_whose_tracking_issue_is_decided_on_and_unfinished()
    {
        var store = await _database.StoreAsync();
        var requested = new TrackingRecord { RequestedAt = _database.Time.GetUtcNow() };
        var opened = requested with { Repository = Tracked.IssueRepository, Number = 40, Url = "https://github.com/acme/ops-issues/issues/40" };
        await SeedAsync(store, "unopened.md", requested, ("a", 1, Attached: false));
        await SeedAsync(store, "unattached.md", opened, ("a", 2, Attached: true), ("b", 3, Attached: false));
        await SeedAsync(store, "finished.md", opened, ("a", 4, Attached: true), ("b", null, Attached: false));
        await SeedAsync(store, "removed.md", opened, ("a", 5, Attached: true), ("gone", 6, Attached: false));
        await SeedAsync(store, "undecided.md", TrackingRecord.None, ("a", 7, Attached: false));
        var removed = (await store.GetItemsAsync(Tracked.Repository, "removed.md", None)).Single(i => i.ItemId == "gone");
        await store.UpsertItemsAsync([removed with { Removed = true }], None);

        var awaiting = await store.GetPostmortemsAwaitingTrackingAsync(None);

        Assert.Equal(["unattached.md", "unopened.md"], awaiting.Select(p => p.Path).Order(StringComparer.Ordinal));
    }

    private static async Task SeedAsync(IActionItemStore store, string path, TrackingRecord tracking, params (string Id, int? Issue, bool Attached)[] items)
    {
        await store.SavePostmortemAsync(Tracked.Postmortem(path: path), None);
        await store.SaveTrackingAsync(Tracked.Repository, path, tracking, None);
        foreach (var (id, issue, attached) in items)
        {
            var item = Tracked.Item(id, path: path);
            await store.UpsertItemsAsync([item], None);
            if (issue is { } number)
            {
                await store.RecordIssueAsync(item.Key, new IssueRef(number, $"https://github.com/acme/ops-issues/issues/{number}", 1000 + number), None);
            }

            if (attached)
            {
                await store.RecordAttachedAsync(item.Key, DateTimeOffset.UnixEpoch, None);
            }
        }
    }

    private async Task<IActionItemStore> SeededStoreAsync()
    {
        var store = await _database.StoreAsync();
        await store.SavePostmortemAsync(Tracked.Postmortem(), None);
        return store;
    }
}
