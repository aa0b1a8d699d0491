using ActionBot.Core.Coordination;
using ActionBot.Core.Extraction;
using ActionBot.Core.Ports;
using ActionBot.Core.Tracking;

namespace ActionBot.Core.Tests.Tracking;

public sealed class TrackingIssueKeeperTests
{
    private const string Repository = "acme/ops";
    private const string Path = "postmortems/cache.md";

    private const string Postmortem = """
        # Disk full on the build cache

        ## Action items

        - [ ] Alert when the build cache volume passes 80% @mlopez
        - [ ] Expire cache entries older than 14 days by 2024-05-01
        - [ ] Page the owner of a full volume
        - [x] Move the cache to its own volume
        """;

    private readonly InMemoryStore _store = new();
    private readonly InMemoryTracker _tracker = new();
    private readonly InProcessJobLease _leases = new();
    private readonly TrackingIssueKeeper _keeper;
    private readonly PostmortemIngestion _ingestion;

    public TrackingIssueKeeperTests()
    {
        var opener = new IssueOpener(_store, _tracker, TimeProvider.System, new UncertainWriteRule(TimeSpan.Zero, 4));
        _keeper = new TrackingIssueKeeper(_store, _tracker, new TrackingIssues(on: true), opener, _leases, TimeProvider.System);
        _ingestion = new PostmortemIngestion(new ActionItemExtractor(), _store, _tracker, opener, new RecordingChat(), _leases, TimeProvider.System, tracking: _keeper);
    }

    private (int Number, IssueDraft Draft, ItemState State) Tracking => Assert.Single(_tracker.Issues, i => IsTracking(i.Draft));

    [Fact]
    public async Task A_merged_postmortem_gets_one_tracking_issue_with_each_item_issue_attached_once()
    {
        var report = await Ingest(Postmortem);

        Assert.Equal(4, _tracker.Issues.Count);
        var tracking = Tracking;
        Assert.Equal(4, tracking.Number);
        Assert.Equal("Postmortem: Disk full on the build cache", tracking.Draft.Title);
        Assert.Equal([IssueWriter.PostmortemLabel], tracking.Draft.Labels);
        Assert.Contains("Move the cache to its own volume", tracking.Draft.Body, StringComparison.Ordinal);
        Assert.Equal([1001, 1002, 1003], _tracker.SubIssues[4]);
        Assert.Equal(3, _tracker.AttachCalls);
        Assert.Equal(0, _tracker.ListSubIssueCalls);
        Assert.Equal(tracking.Number, report.Postmortem?.Tracking.Number);
        Assert.All(_store.Items.Values.Where(i => i.IssueNumber is not null), i => Assert.NotNull(i.AttachedAt));
    }

    [Fact]
    public async Task Reading_the_postmortem_again_creates_attaches_and_edits_nothing()
    {
        await Ingest(Postmortem);
        var calls = (_tracker.CreateCalls, _tracker.AttachCalls, _tracker.UpdateCalls, _tracker.FindCalls);

        await Ingest(Postmortem);
        await _ingestion.RecoverAsync(CancellationToken.None);

        Assert.Equal(calls, (_tracker.CreateCalls, _tracker.AttachCalls, _tracker.UpdateCalls, _tracker.FindCalls));
        Assert.Equal(3, _tracker.SubIssues[4].Count);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task An_attach_whose_answer_was_lost_is_settled_by_listing_the_sub_issues(bool attachedBeforeTheAnswerWasLost)
    {
        _tracker.UncertainAttaches.Enqueue(attachedBeforeTheAnswerWasLost);

        await Ingest(Postmortem);

        Assert.Equal([1001, 1002, 1003], _tracker.SubIssues[4]);
        Assert.Equal(attachedBeforeTheAnswerWasLost ? 3 : 4, _tracker.AttachCalls);
        Assert.Equal(1, _tracker.ListSubIssueCalls);
    }

    [Fact]
    public async Task A_crash_between_the_tracking_issue_and_its_record_is_healed_by_the_redelivery_without_a_second_one()
    {
        _tracker.LoseAnswerOf = IsTracking;
        await Assert.ThrowsAsync<HttpRequestException>(() => Ingest(Postmortem));
        Assert.Empty(_tracker.SubIssues);

        await Ingest(Postmortem);

        var tracking = Tracking;
        Assert.Equal([1001, 1002, 1003], _tracker.SubIssues[tracking.Number]);
        // Found by its marker, it is written again once: what it says may predate the crash.
        Assert.Equal(1, _tracker.UpdateCalls);
    }

    [Fact]
    public async Task A_crash_after_some_attaches_leaves_work_that_recovery_finishes_attaching_nothing_twice()
    {
        await IngestUntilTheSecondAttachIsLost();

        var recovered = await _ingestion.RecoverAsync(CancellationToken.None);

        Assert.Empty(recovered);
        Assert.Equal([1001, 1002, 1003], _tracker.SubIssues[4]);
        Assert.Equal(3, _tracker.AttachCalls);
        Assert.All(_store.Items.Values.Where(i => i.IssueNumber is not null), i => Assert.NotNull(i.AttachedAt));
    }

    [Fact]
    public async Task Recovery_opens_the_tracking_issue_of_a_postmortem_whose_ingestion_stopped_before_it()
    {
        _tracker.LoseNextCreateAnswers = 1;
        await Assert.ThrowsAsync<HttpRequestException>(() => Ingest(Postmortem));
        Assert.DoesNotContain(_tracker.Issues, i => IsTracking(i.Draft));

        await _ingestion.RecoverAsync(CancellationToken.None);

        Assert.Equal(4, _tracker.Issues.Count);
        Assert.Equal(3, _tracker.SubIssues[Tracking.Number].Count);
    }

    [Fact]
    public async Task The_tracking_issue_closes_when_its_last_sub_issue_closes_and_reopens_when_one_reopens()
    {
        await Ingest(Postmortem);
        foreach (var number in new[] { 1, 2 })
        {
            await CloseItemIssue(number, ItemState.Closed);
        }

        Assert.Empty(_tracker.StateChanges);
        Assert.True(await CloseItemIssue(3, ItemState.Closed));
        Assert.Equal((4, ItemState.Closed), Assert.Single(_tracker.StateChanges));

        Assert.True(await CloseItemIssue(2, ItemState.Open));
        Assert.False(await CloseItemIssue(2, ItemState.Open));
        Assert.Equal([(4, ItemState.Closed), (4, ItemState.Open)], _tracker.StateChanges);
    }

    [Fact]
    public async Task The_reconcile_pass_closes_a_tracking_issue_whose_sub_issues_were_closed_while_webhooks_were_missed()
    {
        await Ingest(Postmortem);
        for (var i = 0; i < 3; i++)
        {
            _tracker.Issues[i] = _tracker.Issues[i] with { State = ItemState.Closed };
        }

        await new IssueStateReconciler(_store, _tracker, TimeProvider.System, _keeper).ReconcileAsync(CancellationToken.None);

        Assert.Equal((4, ItemState.Closed), Assert.Single(_tracker.StateChanges));
        Assert.Equal(ItemState.Closed, Tracking.State);
    }

    [Fact]
    public async Task An_edited_postmortem_attaches_its_new_items_and_marks_removed_ones_in_the_tracking_issue()
    {
        await Ingest(Postmortem);

        await Ingest(Postmortem.Replace("- [ ] Page the owner of a full volume", "- [ ] Publish a weekly report of the largest cache keys", StringComparison.Ordinal));

        Assert.Equal([1001, 1002, 1003, 1005], _tracker.SubIssues[4]);
        Assert.Equal(1, _tracker.UpdateCalls);
        Assert.Contains("~~Page the owner of a full volume~~ (#3)", Tracking.Draft.Body, StringComparison.Ordinal);
        Assert.Equal(3, Assert.Single(_tracker.Comments).Number);
    }

    [Fact]
    public async Task No_tracking_issue_when_the_repository_turns_it_off_or_every_item_was_done_at_merge()
    {
        var off = new PostmortemIngestion(
            new ActionItemExtractor(), _store, _tracker, new IssueOpener(_store, _tracker, TimeProvider.System), new RecordingChat(), _leases, TimeProvider.System,
            tracking: new TrackingIssueKeeper(_store, _tracker, new TrackingIssues(on: false), new IssueOpener(_store, _tracker, TimeProvider.System), _leases, TimeProvider.System));
        await off.IngestAsync(Merged(), Postmortem, null, CancellationToken.None);
        await _ingestion.IngestAsync(Merged() with { Path = "postmortems/done.md" }, "# Done\n\n## Action items\n\n- [x] Rotate the key\n", null, CancellationToken.None);

        Assert.Equal(3, _tracker.Issues.Count);
        Assert.DoesNotContain(_tracker.Issues, i => IsTracking(i.Draft));
        Assert.Empty(_tracker.SubIssues);
    }

    // The second attach reaches GitHub, and then the process is gone: the attach is made, its record is not.
    private async Task IngestUntilTheSecondAttachIsLost()
    {
        _tracker.LoseAttachAnswerOf = id => id == InMemoryTracker.IdOf(2);
        await Assert.ThrowsAsync<HttpRequestException>(() => Ingest(Postmortem));
        Assert.Equal([1001, 1002], _tracker.SubIssues[4]);
    }

    private async Task<bool> CloseItemIssue(int number, ItemState state)
    {
        _tracker.Issues[number - 1] = _tracker.Issues[number - 1] with { State = state };
        await _store.SetIssueStateAsync(Repository, number, state, TimeProvider.System.GetUtcNow(), CancellationToken.None);
        return await _keeper.FollowIssueAsync(Repository, number, CancellationToken.None);
    }

    private static bool IsTracking(IssueDraft draft) => IssueMarker.FindPostmortem(draft.Body) is not null;

    private static TrackedPostmortem Merged() =>
        new() { Repository = Repository, Path = Path, IssueRepository = Repository, CommitSha = "abc123", MergedAt = DateTimeOffset.UnixEpoch };

    private Task<IngestionReport> Ingest(string markdown) => _ingestion.IngestAsync(Merged(), markdown, channelId: null, CancellationToken.None);
}
