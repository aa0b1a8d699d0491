using ActionBot.Core.Ports;
using ActionBot.Core.Reminders;
using ActionBot.Core.Tracking;
using ActionBot.Storage.Sqlite;
using ActionBot.Storage.Tests.TestKit;

namespace ActionBot.Storage.Tests.Sqlite;

public sealed class SqliteReminderLedgerTests : IDisposable
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
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

    [Fact]
    public async Task Closed_and_removed_items_are_not_read()
    {
        var (store, ledger) = await SeededAsync();
        await store.UpsertItemsAsync([Tracked.Item("open"), Tracked.Item("removed") with { Removed = true }, Tracked.Item("closed") with { IssueNumber = 3 }], None);
        await store.RecordIssueAsync(Tracked.Item("closed").Key, 3, "https://github.com/acme/ops-issues/issues/3", None);
        await store.SetIssueStateAsync(Tracked.IssueRepository, 3, ItemState.Closed, _database.Time.GetUtcNow(), None);

        var candidates = await ReadAsync(ledger);

        Assert.Equal(["open"], candidates.Select(c => c.Item.ItemId));
    }

    [Fact]
    public async Task Items_due_after_the_horizon_are_left_out_and_items_without_a_due_date_are_read()
    {
        var (store, ledger) = await SeededAsync();
        await store.UpsertItemsAsync(
            [Tracked.Item("soon") with { Due = new DateOnly(2025, 3, 14) }, Tracked.Item("later") with { Due = new DateOnly(2025, 3, 15) }, Tracked.Item("undated") with { Due = null }],
            None);

        var candidates = await ReadAsync(ledger, new DateOnly(2025, 3, 14));

        Assert.Equal(["soon", "undated"], candidates.Select(c => c.Item.ItemId).Order());
    }

    [Fact]
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

    [Fact]
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

    [Fact]
    public async Task Two_bots_on_one_file_recording_the_same_slots_at_once_record_each_once()
    {
        var (store, first) = await SeededAsync();
        var second = new SqliteReminderLedger(await _database.StartAsync());
        var items = Enumerable.Range(0, 50).Select(i => Tracked.Item($"item-{i}")).ToList();
        await store.UpsertItemsAsync(items, None);
        var records = items.Select(i => new ReminderRecord(i.Key, ReminderRecordKind.Reminder, "overdue1@2025-03-14", true)).ToList();

        var added = await Task.WhenAll(
            Task.Run(() => first.RecordAsync(records, _database.Time.GetUtcNow(), None)),
            Task.Run(() => second.RecordAsync(records, _database.Time.GetUtcNow(), None)));

        Assert.Equal(50, added.Sum());
        Assert.All(await ReadAsync(first), c => Assert.Equal(1, c.State.OverdueReminders));
        Assert.Equal(50L, (await _database.QueryAsync<long>("SELECT COUNT(*) FROM reminder_log")).Single());
    }

    [Fact]
    public async Task The_sweep_query_uses_an_index_for_open_items()
    {
        await SeededAsync();

        var plan = await _database.QueryAsync<PlanStep>("EXPLAIN QUERY PLAN " + ReminderSql.SelectOpenItems);

        Assert.Contains(plan, step => step.Detail.Contains("USING INDEX ix_action_items_open", StringComparison.Ordinal));
        Assert.Contains(plan, step => step.Detail.StartsWith("SEARCH TABLE reminder_state", StringComparison.Ordinal));
    }

    private static async Task<List<ReminderCandidate>> ReadAsync(SqliteReminderLedger ledger, DateOnly? dueBy = null)
    {
        var candidates = new List<ReminderCandidate>();
        await foreach (var candidate in ledger.OpenItemsAsync(dueBy ?? DateOnly.MaxValue, None))
        {
            candidates.Add(candidate);
        }

        return candidates;
    }

    private async Task<(SqliteActionItemStore Store, SqliteReminderLedger Ledger)> SeededAsync()
    {
        var factory = await _database.StartAsync();
        var store = new SqliteActionItemStore(factory, _database.Time);
        await store.SavePostmortemAsync(Tracked.Postmortem(), None);
        return (store, new SqliteReminderLedger(factory));
    }

    private sealed class PlanStep
    {
        public string Detail { get; set; } = "";
    }
}
