using ActionBot.Core.Ports;
using ActionBot.Core.Reminders;
using ActionBot.Core.Tracking;
using ActionBot.Storage.Tests.TestKit;

namespace ActionBot.Storage.Tests.Contracts;

/// <summary>How every <see cref="SqlReminderLedger"/> behaves, whatever the database.</summary>
public abstract class ReminderLedgerContract : IAsyncLifetime
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly StorageTestDatabase _database;

    private protected ReminderLedgerContract(StorageTestDatabase database) => _database = database;

    public Task InitializeAsync() => _database.InitializeAsync();

    public Task DisposeAsync() => _database.DisposeAsync().AsTask();

    [StorageFact]
    public async Task Open_items_stream_with_their_postmortem_and_no_reminder_state_yet()
    {
        var (store, ledger) = await SeededAsync();
        var item = Tracked.Item("a", owners: ["alice"]) with { SnoozedUntil = null };
        await store.UpsertItemsAsync([item], None);

        var candidate = Assert.Single(await ReadAsync(ledger));

        Assert.Equal(item.Key, candidate.Item.Key);
        Assert.Equal(["alice"], candidate.Item.Owners);
        Assert.Equal("octocat", candidate.PostmortemAuthor);
        Assert.Equal(Tracked.Postmortem().MergedAt, candidate.MergedAt);
        Assert.Same(ReminderState.None, candidate.State);
    }

    [StorageFact]
    public async Task Closed_and_removed_items_are_not_read()
    {
        var (store, ledger) = await SeededAsync();
        await store.UpsertItemsAsync([Tracked.Item("open"), Tracked.Item("removed") with { Removed = true }, Tracked.Item("closed") with { IssueNumber = 3 }], None);
        await store.RecordIssueAsync(Tracked.Item("closed").Key, new IssueRef(3, "https://github.com/acme/ops-issues/issues/3"), None);
        await store.SetIssueStateAsync(Tracked.IssueRepository, 3, ItemState.Closed, _database.Time.GetUtcNow(), None);

        var candidates = await ReadAsync(ledger);

        Assert.Equal(["open"], candidates.Select(c => c.Item.ItemId));
    }

    [StorageFact]
    public async Task Items_due_after_the_horizon_are_left_out_and_items_without_a_due_date_are_read()
    {
        var (store, ledger) = await SeededAsync();
        await store.UpsertItemsAsync(
            [Tracked.Item("soon") with { Due = new DateOnly(2025, 3, 14) }, Tracked.Item("later") with { Due = new DateOnly(2025, 3, 15) }, Tracked.Item("undated") with { Due = null }],
            None);

        var candidates = await ReadAsync(ledger, new DateOnly(2025, 3, 14));

        Assert.Equal(["soon", "undated"], candidates.Select(c => c.Item.ItemId).Order());
    }

    [StorageFact]
    public async Task Records_sum_up_into_the_items_reminder_state()
    {
        var (store, ledger) = await SeededAsync();
        var item = Tracked.Item("a");
        await store.UpsertItemsAsync([item], None);
        var at = _database.Time.GetUtcNow();

        await ledger.RecordAsync([new ReminderRecord(item.Key, ReminderRecordKind.Reminder, "due@2025-03-14", false)], at, None);
        await ledger.RecordAsync([new ReminderRecord(item.Key, ReminderRecordKind.Reminder, "overdue1@2025-03-14", true)], at, None);
        await ledger.RecordAsync(
            [
                new ReminderRecord(item.Key, ReminderRecordKind.Reminder, "overdue2@2025-03-14", true),
                new ReminderRecord(item.Key, ReminderRecordKind.Comment, "overdue2@2025-03-14", true),
                new ReminderRecord(item.Key, ReminderRecordKind.Escalation, "overdue2@2025-03-14", true),
            ],
            at,
            None);

        var state = Assert.Single(await ReadAsync(ledger)).State;
        Assert.Equal(new ReminderState("overdue2@2025-03-14", 2, true, "overdue2@2025-03-14"), state);
    }

    [StorageFact]
    public async Task The_same_slot_recorded_twice_counts_once()
    {
        var (store, ledger) = await SeededAsync();
        var item = Tracked.Item("a");
        await store.UpsertItemsAsync([item], None);
        var record = new ReminderRecord(item.Key, ReminderRecordKind.Reminder, "overdue1@2025-03-14", true);
        var escalation = new ReminderRecord(item.Key, ReminderRecordKind.Escalation, "overdue1@2025-03-14", true);

        var first = await ledger.RecordAsync([record, escalation], _database.Time.GetUtcNow(), None);
        var again = await ledger.RecordAsync([record, escalation with { Slot = "overdue2@2025-03-14" }], _database.Time.GetUtcNow(), None);

        Assert.Equal((2, 0), (first, again));
        Assert.Equal(1, Assert.Single(await ReadAsync(ledger)).State.OverdueReminders);
    }

    [StorageFact]
    public async Task Two_bots_recording_the_same_slots_at_once_record_each_once()
    {
        var (store, first) = await SeededAsync();
        var (_, second) = await _database.LedgerAsync();
        var items = Enumerable.Range(0, 50).Select(i => Tracked.Item($"item-{i}")).ToList();
        await store.UpsertItemsAsync(items, None);
        var records = items.Select(i => new ReminderRecord(i.Key, ReminderRecordKind.Reminder, "overdue1@2025-03-14", true)).ToList();
        var reversed = Enumerable.Reverse(records).ToList();

        var added = await Task.WhenAll(
            Task.Run(() => first.RecordAsync(records, _database.Time.GetUtcNow(), None)),
            Task.Run(() => second.RecordAsync(reversed, _database.Time.GetUtcNow(), None)));

        Assert.Equal(50, added.Sum());
        Assert.All(await ReadAsync(first), c => Assert.Equal(1, c.State.OverdueReminders));
        Assert.Equal(50L, (await _database.QueryAsync<long>("SELECT COUNT(*) FROM reminder_log")).Single());
    }

    private static async Task<List<ReminderCandidate>> ReadAsync(IReminderLedger ledger, DateOnly? dueBy = null)
    {
        var candidates = new List<ReminderCandidate>();
        await foreach (var candidate in ledger.OpenItemsAsync(dueBy ?? DateOnly.MaxValue, None))
        {
            candidates.Add(candidate);
        }

        return candidates;
    }

    private async Task<(IActionItemStore Store, IReminderLedger Ledger)> SeededAsync()
    {
        var (store, ledger) = await _database.LedgerAsync();
        await store.SavePostmortemAsync(Tracked.Postmortem(), None);
        return (store, ledger);
    }
}
