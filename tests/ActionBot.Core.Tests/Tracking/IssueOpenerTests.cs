using ActionBot.Core.Ports;
using ActionBot.Core.Tracking;
using ActionBot.Testing;

namespace ActionBot.Core.Tests.Tracking;

/// <summary>A create whose answer was lost is settled in the same attempt: a pause on the clock, a marker lookup, never a blind retry.</summary>
public sealed class IssueOpenerTests
{
    private static readonly UncertainWriteRule Rule = new(TimeSpan.FromSeconds(2), 3);
    private static readonly TrackedPostmortem Postmortem = new()
    {
        Repository = "acme/ops", Path = "postmortems/cache.md", IssueRepository = "acme/ops", CommitSha = "abc123", MergedAt = DateTimeOffset.UnixEpoch,
    };

    private readonly FakeTimeProvider _clock = new();
    private readonly InMemoryStore _store = new();
    private readonly InMemoryTracker _tracker = new();
    private readonly TrackedItem _item;

    public IssueOpenerTests()
    {
        _item = new TrackedItem
        {
            Key = IssueMarker.KeyFor("acme/ops", "postmortems/cache.md", "item1"),
            Repository = "acme/ops",
            Path = "postmortems/cache.md",
            IssueRepository = "acme/ops",
            ItemId = "item1",
            Title = "Add request coalescing",
            Section = "Action items",
        };
        _store.Items[_item.Key] = _item;
    }

    [Fact]
    public async Task A_create_applied_but_unanswered_is_found_by_its_marker_after_the_pause_and_not_created_again()
    {
        _tracker.UncertainCreates.Enqueue(true);

        var opening = Opener().EnsureIssueAsync(_item, Postmortem, CancellationToken.None);
        await _clock.WaitForPendingTimersAsync().WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(TimeSpan.FromSeconds(2), Assert.Single(_clock.PendingTimerDueTimes));
        Assert.Equal(0, _tracker.FindCalls); // not before the pause: the tracker's lists may not show the issue yet
        _clock.Advance(TimeSpan.FromSeconds(2));
        var opened = await opening.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(1, opened.IssueNumber);
        Assert.Equal((1, 1, 1), (_tracker.Issues.Count, _tracker.CreateCalls, _tracker.FindCalls));
        Assert.Equal(1, _store.Items[_item.Key].IssueNumber);
    }

    [Fact]
    public async Task A_create_lost_before_it_was_applied_is_created_again_once_the_marker_is_not_found()
    {
        _tracker.UncertainCreates.Enqueue(false);
        _tracker.UncertainCreates.Enqueue(true);

        var opening = Opener().EnsureIssueAsync(_item, Postmortem, CancellationToken.None);
        await AdvanceThroughPausesAsync(opening);
        var opened = await opening;

        Assert.Equal(1, opened.IssueNumber);
        Assert.Equal((1, 2, 2), (_tracker.Issues.Count, _tracker.CreateCalls, _tracker.FindCalls));
    }

    [Fact]
    public async Task Past_its_rounds_the_attempt_fails_and_the_next_one_still_looks_first()
    {
        _tracker.UncertainCreates.Enqueue(false);
        _tracker.UncertainCreates.Enqueue(false);
        _tracker.UncertainCreates.Enqueue(true);

        var opening = Opener().EnsureIssueAsync(_item, Postmortem, CancellationToken.None);
        await AdvanceThroughPausesAsync(opening);
        await Assert.ThrowsAsync<UncertainWriteException>(() => opening);
        Assert.Equal(3, _tracker.CreateCalls);

        var opened = await Opener().EnsureIssueAsync(_store.Items[_item.Key], Postmortem, CancellationToken.None);

        Assert.Equal(1, opened.IssueNumber);
        Assert.Equal((1, 3), (_tracker.Issues.Count, _tracker.CreateCalls));
    }

    [Fact]
    public async Task Any_other_failure_is_not_settled_here()
    {
        _tracker.LoseNextCreateAnswers = 1;

        await Assert.ThrowsAsync<HttpRequestException>(() => Opener().EnsureIssueAsync(_item, Postmortem, CancellationToken.None));

        Assert.Equal((1, 0), (_tracker.CreateCalls, _tracker.FindCalls));
        Assert.NotNull(_store.Items[_item.Key].IssueAttemptedAt);
    }

    private IssueOpener Opener() => new(_store, _tracker, _clock, Rule);

    private async Task AdvanceThroughPausesAsync(Task opening)
    {
        while (!opening.IsCompleted)
        {
            await Task.WhenAny(opening, _clock.WaitForPendingTimersAsync()).WaitAsync(TimeSpan.FromSeconds(10));
            if (!opening.IsCompleted)
            {
                _clock.Advance(Rule.Pause);
            }
        }
    }
}
