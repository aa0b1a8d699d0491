using ActionBot.Core.Coordination;
using ActionBot.Core.Extraction;
using ActionBot.Core.Tracking;

namespace ActionBot.Core.Tests.Tracking;

public sealed class PostmortemIngestionTests
{
    private const string Original = """
        # Disk full on the build cache

        ## Action items

        - [ ] Alert when the build cache volume passes 80% @mlopez
        - [ ] Expire cache entries older than 14 days by 2024-05-01
        - [x] Move the cache to its own volume
        """;

    private readonly InMemoryStore _store = new();
    private readonly InMemoryTracker _tracker = new();
    private readonly RecordingChat _chat = new();
    private readonly PostmortemIngestion _ingestion;

    public PostmortemIngestionTests()
    {
        var opener = new IssueOpener(_store, _tracker, TimeProvider.System);
        _ingestion = new PostmortemIngestion(new ActionItemExtractor(), _store, _tracker, opener, _chat, new InProcessJobLease(), TimeProvider.System);
    }

    [Fact]
    public async Task Merged_postmortem_opens_one_issue_per_open_item_and_none_for_done_ones()
    {
        var report = await Ingest(Original);

        Assert.Equal(2, _tracker.Issues.Count);
        Assert.Equal(2, report.IssuesOpened.Count);
        Assert.Single(_store.Items.Values, i => i.State == ItemState.Closed && i.IssueNumber is null);
        Assert.Single(_chat.Announcements);
    }

    [Fact]
    public async Task Reading_the_same_postmortem_again_opens_nothing_new()
    {
        await Ingest(Original);
        var again = await Ingest(Original);

        Assert.Equal(2, _tracker.Issues.Count);
        Assert.Empty(again.IssuesOpened);
        Assert.Single(_chat.Announcements);
    }

    [Fact]
    public async Task A_create_whose_answer_was_lost_is_found_by_its_marker_not_created_again()
    {
        _tracker.LoseNextCreateAnswers = 1;
        await Assert.ThrowsAsync<HttpRequestException>(() => Ingest(Original));

        await Ingest(Original);

        Assert.Equal(2, _tracker.Issues.Count);
        Assert.All(_store.Items.Values.Where(i => i.State == ItemState.Open), i => Assert.NotNull(i.IssueNumber));
    }

    [Fact]
    public async Task Recovery_opens_issues_a_crash_left_unopened_exactly_once()
    {
        _tracker.LoseNextCreateAnswers = 1;
        await Assert.ThrowsAsync<HttpRequestException>(() => Ingest(Original));

        var recovered = await _ingestion.RecoverAsync(CancellationToken.None);

        Assert.Equal(2, recovered.Count);
        Assert.Equal(2, _tracker.Issues.Count);
    }

    [Fact]
    public async Task Edited_postmortem_keeps_issues_of_reworded_items_opens_new_ones_and_comments_on_removed_ones()
    {
        await Ingest(Original);
        var edited = """
            # Disk full on the build cache

            ## Action items

            - [ ] Alert when the build cache volume passes 75% @mlopez
            - [ ] Add a weekly report of the largest cache keys
            - [x] Move the cache to its own volume
            """;

        var report = await Ingest(edited);

        Assert.Equal(1, report.Reworded);
        Assert.Equal(1, report.Added);
        Assert.Equal(1, report.Removed);
        Assert.Equal(3, _tracker.Issues.Count);
        Assert.Contains("75%", _tracker.Issues[0].Draft.Body, StringComparison.Ordinal);
        var comment = Assert.Single(_tracker.Comments);
        Assert.Equal(2, comment.Number);
        Assert.All(_tracker.Issues, i => Assert.Equal(ItemState.Open, i.State));
    }

    [Fact]
    public async Task Issue_state_reconciler_closes_items_whose_issues_were_closed()
    {
        await Ingest(Original);
        _tracker.Issues[0] = _tracker.Issues[0] with { State = ItemState.Closed };

        var seen = await new IssueStateReconciler(_store, _tracker, TimeProvider.System).ReconcileAsync(CancellationToken.None);

        Assert.Equal(2, seen);
        Assert.Equal(ItemState.Closed, _store.Items.Values.Single(i => i.IssueNumber == 1).State);
    }

    private Task<IngestionReport> Ingest(string markdown) => _ingestion.IngestAsync(
        new TrackedPostmortem { Repository = "acme/ops", Path = "postmortems/cache.md", IssueRepository = "acme/ops", CommitSha = "abc123", MergedAt = DateTimeOffset.UnixEpoch },
        markdown,
        channelId: null,
        CancellationToken.None);
}
