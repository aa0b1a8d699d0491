using ActionBot.Core.Ports;

namespace ActionBot.Core.Tracking;

/// <summary>
/// Opens the issue of an item (or a postmortem's tracking issue) exactly once, whatever fails on the way. The attempt
/// is recorded before GitHub is called; an attempt on record with no issue may have had its issue created by a call
/// whose answer was lost, so that issue is looked for by its marker before anything is created. A create whose answer
/// is lost now is settled at once, the same way, after a short pause (<see cref="UncertainWriteRule"/>).
/// </summary>
public sealed class IssueOpener(IActionItemStore store, IIssueTracker tracker, TimeProvider time, UncertainWriteRule? rule = null, ICrashPoints? crashPoints = null)
{
    // GitHub's issue listing by "since" compares updated_at; leave room for clock skew between us and GitHub.
    private static readonly TimeSpan SearchSlack = TimeSpan.FromMinutes(10);

    /// <summary>How a create whose answer was lost is settled; attaches follow the same rule.</summary>
    public UncertainWriteRule Rule { get; } = rule ?? UncertainWriteRule.Default;

    /// <summary>Where the boundaries between durable steps are reported (the tracking issue's steps too).</summary>
    public ICrashPoints CrashPoints { get; } = crashPoints ?? NoCrashPoints.Instance;

    public async Task<TrackedItem> EnsureIssueAsync(TrackedItem item, TrackedPostmortem postmortem, CancellationToken cancellationToken)
    {
        if (item.IssueNumber is not null || item.State == ItemState.Closed)
        {
            return item;
        }

        var issue = await OpenOnceAsync(
            new OneIssue(
                item.IssueRepository,
                IssueWriter.Draft(item, postmortem),
                item.IssueAttemptedAt,
                (at, token) => store.MarkIssueAttemptAsync(item.Key, at, token),
                (since, token) => tracker.FindByItemKeyAsync(item.IssueRepository, item.Key, since, token)),
            cancellationToken);
        await store.RecordIssueAsync(item.Key, issue, cancellationToken);
        await CrashPoints.ReachedAsync(CrashPoint.IssueRecorded, cancellationToken);
        return item with { IssueNumber = issue.Number, IssueUrl = issue.Url, IssueId = issue.Id ?? item.IssueId };
    }

    /// <summary>
    /// Opens <paramref name="issue"/>'s draft unless an earlier attempt did: the issue its marker finds, or the one
    /// created now. The caller records what it returns.
    /// </summary>
    public async Task<IssueRef> OpenOnceAsync(OneIssue issue, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(issue);
        if (issue.AttemptedAt is { } attempted && await issue.FindAsync(attempted - SearchSlack, cancellationToken) is { } found)
        {
            return found;
        }

        var now = time.GetUtcNow();
        await issue.MarkAttemptAsync(now, cancellationToken);
        await CrashPoints.ReachedAsync(CrashPoint.IssueAttemptMarked, cancellationToken);
        for (var round = 1; ; round++)
        {
            try
            {
                var created = await tracker.CreateAsync(issue.Repository, issue.Draft, cancellationToken);
                await CrashPoints.ReachedAsync(CrashPoint.IssueCreated, cancellationToken);
                return created;
            }
            catch (UncertainWriteException) when (round < Rule.Rounds)
            {
                // Never a blind retry: the lost answer may hide a created issue, which its marker finds.
                await Task.Delay(Rule.Pause, time, cancellationToken);
                if (await issue.FindAsync(now - SearchSlack, cancellationToken) is { } existing)
                {
                    return existing;
                }
            }
        }
    }
}

/// <summary>
/// One issue to open once: where, what, when an earlier attempt began (null: none), how to record that an attempt
/// begins, and how to find the issue by its marker among issues updated since a time.
/// </summary>
public sealed record OneIssue(
    string Repository,
    IssueDraft Draft,
    DateTimeOffset? AttemptedAt,
    Func<DateTimeOffset, CancellationToken, Task> MarkAttemptAsync,
    Func<DateTimeOffset, CancellationToken, Task<IssueRef?>> FindAsync);
