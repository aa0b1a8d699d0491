using ActionBot.Core.Ports;

namespace ActionBot.Core.Tracking;

/// <summary>
/// Opens the issue of an item exactly once, whatever fails on the way. The attempt is recorded before
/// GitHub is called; an item that has an attempt on record but no issue may have had its issue created
/// by a call whose answer was lost, so that issue is looked for by its marker before anything is created.
/// A create whose answer is lost now is settled at once, the same way, after a short pause (<see cref="UncertainWriteRule"/>).
/// </summary>
public sealed class IssueOpener(IActionItemStore store, IIssueTracker tracker, TimeProvider time, UncertainWriteRule? rule = null, ICrashPoints? crashPoints = null)
{
    // GitHub's issue listing by "since" compares updated_at; leave room for clock skew between us and GitHub.
    private static readonly TimeSpan SearchSlack = TimeSpan.FromMinutes(10);
    private readonly UncertainWriteRule _rule = rule ?? UncertainWriteRule.Default;
    private readonly ICrashPoints _crashPoints = crashPoints ?? NoCrashPoints.Instance;

    public async Task<TrackedItem> EnsureIssueAsync(TrackedItem item, TrackedPostmortem postmortem, CancellationToken cancellationToken)
    {
        if (item.IssueNumber is not null || item.State == ItemState.Closed)
        {
            return item;
        }

        if (item.IssueAttemptedAt is { } attempted
            && await tracker.FindByItemKeyAsync(item.IssueRepository, item.Key, attempted - SearchSlack, cancellationToken) is { } found)
        {
            return await RecordAsync(item, found, cancellationToken);
        }

        var now = time.GetUtcNow();
        await store.MarkIssueAttemptAsync(item.Key, now, cancellationToken);
        await _crashPoints.ReachedAsync(CrashPoint.IssueAttemptMarked, cancellationToken);
        item = item with { IssueAttemptedAt = now };
        var draft = IssueWriter.Draft(item, postmortem);
        for (var round = 1; ; round++)
        {
            try
            {
                var created = await tracker.CreateAsync(item.IssueRepository, draft, cancellationToken);
                await _crashPoints.ReachedAsync(CrashPoint.IssueCreated, cancellationToken);
                return await RecordAsync(item, created, cancellationToken);
            }
            catch (UncertainWriteException) when (round < _rule.Rounds)
            {
                // Never a blind retry: the lost answer may hide a created issue, which its marker finds.
                await Task.Delay(_rule.Pause, time, cancellationToken);
                if (await tracker.FindByItemKeyAsync(item.IssueRepository, item.Key, now - SearchSlack, cancellationToken) is { } existing)
                {
                    return await RecordAsync(item, existing, cancellationToken);
                }
            }
        }
    }

    private async Task<TrackedItem> RecordAsync(TrackedItem item, IssueRef issue, CancellationToken cancellationToken)
    {
        await store.RecordIssueAsync(item.Key, issue.Number, issue.Url, cancellationToken);
        await _crashPoints.ReachedAsync(CrashPoint.IssueRecorded, cancellationToken);
        return item with { IssueNumber = issue.Number, IssueUrl = issue.Url };
    }
}
