using System.Data.Common;
using ActionBot.Core.Ports;
using ActionBot.Core.Tracking;
using ActionBot.Storage.Tests.TestKit;

namespace ActionBot.Storage.Tests.Contracts;

/// <summary>
/// How every <see cref="SqlActionItemStore"/> behaves, whatever the database: each provider's test class derives
/// from this with its own <see cref="StorageTestDatabase"/>.
/// </summary>
public abstract class ActionItemStoreContract : IAsyncLifetime
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly StorageTestDatabase _database;

    private protected ActionItemStoreContract(StorageTestDatabase database) => _database = database;

    public Task InitializeAsync() => _database.InitializeAsync();

    public Task DisposeAsync() => _database.DisposeAsync().AsTask();

    [StorageFact]
    public async Task A_saved_postmortem_reads_back_field_for_field_and_saving_again_updates_it()
    {
        var store = await _database.StoreAsync();
        var postmortem = Tracked.Postmortem();
        await store.SavePostmortemAsync(postmortem, None);
        Assert.Equal(postmortem, await store.GetPostmortemAsync(Tracked.Repository, Tracked.Path, None));

        var remerged = postmortem with { CommitSha = "fedcba", PullRequest = null, Title = "Renamed", Date = null };
        await store.SavePostmortemAsync(remerged, None);
        Assert.Equal(remerged, await store.GetPostmortemAsync(Tracked.Repository, Tracked.Path, None));
        Assert.Null(await store.GetPostmortemAsync(Tracked.Repository, "postmortems/other.md", None));
    }

    [StorageFact]
    public async Task Upserted_items_read_back_field_for_field()
    {
        var store = await SeededStoreAsync();
        var item = Tracked.Item("a", owners: ["alice", "Bob"]) with
        {
            IssueNumber = 7,
            IssueUrl = "https://github.com/acme/ops-issues/issues/7",
            IssueAttemptedAt = _database.Time.GetUtcNow().AddMinutes(-1),
            State = ItemState.Closed,
            ClosedAt = _database.Time.GetUtcNow(),
            Removed = true,
        };
        var bare = Tracked.Item("b") with { Details = null, Owners = [], Due = null, Priority = null, Kind = null };

        await store.UpsertItemsAsync([item, bare], None);

        var stored = await store.GetItemsAsync(Tracked.Repository, Tracked.Path, None);
        AssertSame(item, stored.Single(i => i.ItemId == "a"));
        AssertSame(bare, stored.Single(i => i.ItemId == "b"));
    }

    [StorageFact]
    public async Task Upserting_a_known_item_takes_its_new_wording_but_keeps_its_issue_state_and_history()
    {
        var store = await SeededStoreAsync();
        var item = Tracked.Item("a");
        await store.UpsertItemsAsync([item], None);
        await store.MarkIssueAttemptAsync(item.Key, _database.Time.GetUtcNow(), None);
        await store.RecordIssueAsync(item.Key, new IssueRef(7, "https://github.com/acme/ops-issues/issues/7"), None);
        await store.SetIssueStateAsync(Tracked.IssueRepository, 7, ItemState.Closed, _database.Time.GetUtcNow(), None);
        var recorded = (await store.GetItemsAsync(Tracked.Repository, Tracked.Path, None)).Single();

        _database.Time.Advance(TimeSpan.FromDays(1));
        var reworded = item with
        {
            ItemId = "a2",
            Title = "Fix the resolver",
            Owners = ["carol"],
            Line = 40,
            IssueRepository = "acme/elsewhere",
            CreatedAt = _database.Time.GetUtcNow(),
            UpdatedAt = _database.Time.GetUtcNow(),
        };
        await store.UpsertItemsAsync([reworded], None);

        var stored = (await store.GetItemsAsync(Tracked.Repository, Tracked.Path, None)).Single();
        AssertSame(recorded with { ItemId = "a2", Title = "Fix the resolver", Owners = ["carol"], Line = 40, UpdatedAt = _database.Time.GetUtcNow() }, stored);
    }

    [StorageFact]
    public async Task A_known_item_without_an_issue_moves_to_a_new_issue_repository()
    {
        var store = await SeededStoreAsync();
        var item = Tracked.Item("a");
        await store.UpsertItemsAsync([item], None);
        await store.UpsertItemsAsync([item with { IssueRepository = "acme/elsewhere" }], None);

        Assert.Equal("acme/elsewhere", (await store.GetItemsAsync(Tracked.Repository, Tracked.Path, None)).Single().IssueRepository);
    }

    [StorageFact]
    public async Task Unset_creation_and_update_times_are_taken_from_the_clock()
    {
        var store = await SeededStoreAsync();
        await store.UpsertItemsAsync([Tracked.Item("a") with { CreatedAt = default, UpdatedAt = default }], None);

        var stored = (await store.GetItemsAsync(Tracked.Repository, Tracked.Path, None)).Single();
        Assert.Equal(_database.Time.GetUtcNow(), stored.CreatedAt);
        Assert.Equal(_database.Time.GetUtcNow(), stored.UpdatedAt);
    }

    [StorageFact]
    public async Task Marking_an_issue_attempt_and_recording_the_issue_are_kept()
    {
        var store = await SeededStoreAsync();
        var item = Tracked.Item("a");
        await store.UpsertItemsAsync([item], None);
        var attempted = _database.Time.GetUtcNow().AddSeconds(5);

        await store.MarkIssueAttemptAsync(item.Key, attempted, None);
        var marked = (await store.GetItemsAsync(Tracked.Repository, Tracked.Path, None)).Single();
        await store.RecordIssueAsync(item.Key, new IssueRef(12, "https://github.com/acme/ops-issues/issues/12"), None);
        var recorded = (await store.GetItemsAsync(Tracked.Repository, Tracked.Path, None)).Single();

        Assert.Equal(attempted, marked.IssueAttemptedAt);
        Assert.Null(marked.IssueNumber);
        Assert.Equal(attempted, recorded.IssueAttemptedAt);
        Assert.Equal(12, recorded.IssueNumber);
        Assert.Equal("https://github.com/acme/ops-issues/issues/12", recorded.IssueUrl);
    }

    [StorageFact]
    public async Task Recording_an_issue_for_an_unknown_key_throws()
    {
        var store = await SeededStoreAsync();

        await Assert.ThrowsAsync<InvalidOperationException>(() => store.RecordIssueAsync("nope", new IssueRef(1, "https://example.test/1"), None));
        await Assert.ThrowsAsync<InvalidOperationException>(() => store.MarkIssueAttemptAsync("nope", _database.Time.GetUtcNow(), None));
    }

    [StorageFact]
    public async Task Two_items_cannot_record_the_same_issue()
    {
        var store = await SeededStoreAsync();
        var (a, b) = (Tracked.Item("a"), Tracked.Item("b"));
        await store.UpsertItemsAsync([a, b], None);
        await store.RecordIssueAsync(a.Key, new IssueRef(5, "https://github.com/acme/ops-issues/issues/5"), None);

        var error = await Assert.ThrowsAnyAsync<DbException>(() => store.RecordIssueAsync(b.Key, new IssueRef(5, "https://github.com/ACME/ops-issues/issues/5"), None));
        Assert.Contains("unique", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [StorageFact]
    public async Task An_item_of_a_postmortem_never_saved_is_rejected()
    {
        var store = await _database.StoreAsync();

        await Assert.ThrowsAnyAsync<DbException>(() => store.UpsertItemsAsync([Tracked.Item("a")], None));
    }

    [StorageFact]
    public async Task Setting_the_state_of_an_issue_no_item_has_returns_false()
    {
        var store = await SeededStoreAsync();
        var item = Tracked.Item("a");
        await store.UpsertItemsAsync([item], None);
        await store.RecordIssueAsync(item.Key, new IssueRef(5, "https://github.com/acme/ops-issues/issues/5"), None);

        Assert.False(await store.SetIssueStateAsync(Tracked.IssueRepository, 6, ItemState.Closed, _database.Time.GetUtcNow(), None));
        Assert.False(await store.SetIssueStateAsync("acme/other", 5, ItemState.Closed, _database.Time.GetUtcNow(), None));
        Assert.Equal(ItemState.Open, (await store.GetItemsAsync(Tracked.Repository, Tracked.Path, None)).Single().State);
    }

    [StorageFact]
    public async Task Closing_an_issue_closes_its_item_once_and_reopening_clears_the_close_time()
    {
        var store = await SeededStoreAsync();
        var item = Tracked.Item("a");
        await store.UpsertItemsAsync([item], None);
        await store.RecordIssueAsync(item.Key, new IssueRef(5, "https://github.com/acme/ops-issues/issues/5"), None);
        var closedAt = _database.Time.GetUtcNow().AddHours(1);

        Assert.True(await store.SetIssueStateAsync("ACME/Ops-Issues", 5, ItemState.Closed, closedAt, None));
        Assert.True(await store.SetIssueStateAsync(Tracked.IssueRepository, 5, ItemState.Closed, closedAt.AddHours(1), None));
        var closed = (await store.GetItemsAsync(Tracked.Repository, Tracked.Path, None)).Single();
        Assert.True(await store.SetIssueStateAsync(Tracked.IssueRepository, 5, ItemState.Open, closedAt.AddHours(2), None));
        var reopened = (await store.GetItemsAsync(Tracked.Repository, Tracked.Path, None)).Single();

        Assert.Equal((ItemState.Closed, closedAt, closedAt), (closed.State, closed.ClosedAt!.Value, closed.UpdatedAt));
        Assert.Equal((ItemState.Open, null, closedAt.AddHours(2)), (reopened.State, reopened.ClosedAt, reopened.UpdatedAt));
    }

    [StorageFact]
    public async Task A_state_older_than_the_recorded_one_changes_nothing()
    {
        var store = await SeededStoreAsync();
        var item = Tracked.Item("a");
        await store.UpsertItemsAsync([item], None);
        await store.RecordIssueAsync(item.Key, new IssueRef(5, "https://github.com/acme/ops-issues/issues/5"), None);
        var closedAt = _database.Time.GetUtcNow().AddHours(1);

        // The webhook's close, then a reconcile pass that had read the issue (still open) a minute before it.
        Assert.True(await store.SetIssueStateAsync(Tracked.IssueRepository, 5, ItemState.Closed, closedAt, None));
        Assert.False(await store.SetIssueStateAsync(Tracked.IssueRepository, 5, ItemState.Open, closedAt.AddMinutes(-1), None));
        var item1 = (await store.GetItemsAsync(Tracked.Repository, Tracked.Path, None)).Single();

        Assert.Equal((ItemState.Closed, closedAt), (item1.State, item1.ClosedAt!.Value));
    }

    [StorageFact]
    public async Task Querying_by_state_lists_open_closed_or_all_items()
    {
        var store = await SeededStoreAsync();
        var (open, closed) = (Tracked.Item("open"), Tracked.Item("closed") with { State = ItemState.Closed, ClosedAt = _database.Time.GetUtcNow() });
        await store.UpsertItemsAsync([open, closed], None);

        Assert.Equal(["open"], await IdsAsync(store, new ItemQuery()));
        Assert.Equal(["closed"], await IdsAsync(store, new ItemQuery(ItemStateFilter.Closed)));
        Assert.Equal(["closed", "open"], (await IdsAsync(store, new ItemQuery(ItemStateFilter.All))).Order());
    }

    [StorageTheory]
    [InlineData("alice")]
    [InlineData("ALICE")]
    [InlineData("@Alice")]
    public async Task Querying_by_owner_matches_a_login_in_the_owners_case_insensitively(string owner)
    {
        var store = await SeededStoreAsync();
        await store.UpsertItemsAsync([Tracked.Item("mine", owners: ["bob", "Alice"]), Tracked.Item("theirs", owners: ["alicea", "bob"])], None);

        Assert.Equal(["mine"], await IdsAsync(store, new ItemQuery(ItemStateFilter.All, Owner: owner)));
    }

    [StorageFact]
    public async Task Querying_by_repository_lists_only_that_repositorys_items()
    {
        var store = await SeededStoreAsync();
        await store.SavePostmortemAsync(Tracked.Postmortem("acme/web"), None);
        await store.UpsertItemsAsync([Tracked.Item("ops"), Tracked.Item("web", repository: "acme/web")], None);

        Assert.Equal(["web"], await IdsAsync(store, new ItemQuery(Repository: "Acme/Web")));
        Assert.Equal(["ops"], await IdsAsync(store, new ItemQuery(Owner: "alice", Repository: Tracked.Repository)));
    }

    [StorageFact]
    public async Task Items_awaiting_an_issue_are_those_without_one_still_in_their_postmortem()
    {
        var store = await SeededStoreAsync();
        var (waiting, opened, removed) = (Tracked.Item("waiting"), Tracked.Item("opened"), Tracked.Item("removed") with { Removed = true });
        await store.UpsertItemsAsync([waiting, opened, removed], None);
        await store.RecordIssueAsync(opened.Key, new IssueRef(3, "https://github.com/acme/ops-issues/issues/3"), None);

        Assert.Equal(["waiting"], (await store.GetItemsAwaitingIssueAsync(None)).Select(i => i.ItemId));
    }

    [StorageFact]
    public async Task Issue_repositories_are_listed_once_each()
    {
        var store = await SeededStoreAsync();
        await store.UpsertItemsAsync([Tracked.Item("a"), Tracked.Item("b"), Tracked.Item("c") with { IssueRepository = "acme/other" }], None);

        Assert.Equal(["acme/ops-issues", "acme/other"], await store.GetIssueRepositoriesAsync(None));
    }

    [StorageFact]
    public async Task Postmortems_and_items_survive_a_restart()
    {
        var before = await SeededStoreAsync();
        var item = Tracked.Item("a");
        await before.UpsertItemsAsync([item], None);
        await before.RecordIssueAsync(item.Key, new IssueRef(9, "https://github.com/acme/ops-issues/issues/9"), None);

        var after = await _database.StoreAsync();

        Assert.Equal(Tracked.Postmortem(), await after.GetPostmortemAsync(Tracked.Repository, Tracked.Path, None));
        Assert.Equal(9, (await after.GetItemsAsync(Tracked.Repository, Tracked.Path, None)).Single().IssueNumber);
    }

    [StorageFact]
    public async Task Snoozing_an_item_keeps_the_time_until_which_its_reminders_wait()
    {
        var store = await SeededStoreAsync();
        var item = Tracked.Item("a");
        await store.UpsertItemsAsync([item], None);
        var until = _database.Time.GetUtcNow().AddDays(7);

        var snoozed = await store.SnoozeAsync(item.Key, until, _database.Time.GetUtcNow(), None);
        var unknown = await store.SnoozeAsync("no-such-key", until, _database.Time.GetUtcNow(), None);

        Assert.True(snoozed);
        Assert.False(unknown);
        Assert.Equal(until, (await store.GetItemsAsync(Tracked.Repository, Tracked.Path, None)).Single().SnoozedUntil);
    }

    [StorageFact]
    public async Task Postmortems_are_listed_latest_merge_first_and_by_repository()
    {
        var store = await _database.StoreAsync();
        var older = Tracked.Postmortem() with { Path = "postmortems/old.md", MergedAt = _database.Time.GetUtcNow().AddDays(-3) };
        var newer = Tracked.Postmortem() with { Path = "postmortems/new.md", MergedAt = _database.Time.GetUtcNow() };
        var elsewhere = Tracked.Postmortem() with { Repository = "acme/other", Path = "postmortems/x.md", MergedAt = _database.Time.GetUtcNow().AddDays(-1) };
        foreach (var postmortem in new[] { older, elsewhere, newer })
        {
            await store.SavePostmortemAsync(postmortem, None);
        }

        var all = await store.ListPostmortemsAsync(null, None);
        var ofOne = await store.ListPostmortemsAsync(Tracked.Repository.ToUpperInvariant(), None);

        Assert.Equal(["postmortems/new.md", "postmortems/x.md", "postmortems/old.md"], all.Select(p => p.Path));
        Assert.Equal(["postmortems/new.md", "postmortems/old.md"], ofOne.Select(p => p.Path));
    }

    private static async Task<List<string>> IdsAsync(IActionItemStore store, ItemQuery query) =>
        (await store.QueryItemsAsync(query, None)).Select(i => i.ItemId).ToList();

    // Records compare lists by reference; compare the owners by content, the rest by value.
    private static void AssertSame(TrackedItem expected, TrackedItem actual)
    {
        Assert.Equal(expected.Owners, actual.Owners);
        Assert.Equal(expected with { Owners = [] }, actual with { Owners = [] });
    }

    private async Task<IActionItemStore> SeededStoreAsync()
    {
        var store = await _database.StoreAsync();
        await store.SavePostmortemAsync(Tracked.Postmortem(), None);
        return store;
    }
}
