using ActionBot.Core.Tracking;

namespace ActionBot.GitHub.Backfill;

/// <summary>What <c>backfill</c> finds of one item, and so what it does with it.</summary>
public enum BackfillItemStatus
{
    /// <summary>Open and without an issue: one is opened.</summary>
    Opens,

    /// <summary>Tracked already, with its issue.</summary>
    HasIssue,

    /// <summary>Marked done in the postmortem (or tracked and closed without an issue): no issue.</summary>
    Done,

    /// <summary>Tracked, but no longer in the postmortem: its issue gets the comment a re-merge gives.</summary>
    Removed,
}

public sealed record BackfillItem(string Key, string Title, IReadOnlyList<string> Owners, DateOnly? Due, BackfillItemStatus Status, int? IssueNumber, bool Attached);

/// <summary>What happens to a postmortem's tracking issue.</summary>
public enum BackfillTracking
{
    /// <summary><c>GitHub:Repositories:N:TrackingIssue</c> is off for the repository.</summary>
    Off,

    /// <summary>No item has or gets an issue: nothing to track.</summary>
    None,

    Opens,
    Exists,
}

/// <summary>
/// One postmortem on a default branch as <c>backfill</c> read it: its items and what becomes of each, its tracking
/// issue, and the GitHub writes that would take. <see cref="Problem"/> is set (and nothing else) when it cannot be read.
/// </summary>
public sealed record BackfillPostmortem(string Repository, string Path, string? Title, DateOnly? Date, bool Known)
{
    public IReadOnlyList<BackfillItem> Items { get; init; } = [];
    public BackfillTracking Tracking { get; init; }
    public int? TrackingIssueNumber { get; init; }
    public string? Problem { get; init; }

    /// <summary>What ingestion is given: the file at the commit read, with the provenance it has.</summary>
    internal TrackedPostmortem? Source { get; init; }

    internal string? Markdown { get; init; }

    public int IssuesToOpen => Items.Count(i => i.Status == BackfillItemStatus.Opens);

    /// <summary>
    /// Content-creating requests this postmortem takes: an issue per item to open, the tracking issue and one attach per
    /// issue not attached yet, a comment per removed item with an open issue (label creation, once per process, aside).
    /// </summary>
    public int Writes
    {
        get
        {
            var attaches = Tracking is BackfillTracking.Opens or BackfillTracking.Exists
                ? Items.Count(i => i.Status is BackfillItemStatus.Opens || (i.Status == BackfillItemStatus.HasIssue && !i.Attached))
                : 0;
            return IssuesToOpen + (Tracking == BackfillTracking.Opens ? 1 : 0) + attaches + Items.Count(i => i.Status == BackfillItemStatus.Removed);
        }
    }
}

/// <summary>Every postmortem a backfill read, per repository, with the commit each repository was read at.</summary>
public sealed record BackfillPlan(IReadOnlyList<BackfillRepository> Repositories)
{
    public IEnumerable<BackfillPostmortem> Postmortems => Repositories.SelectMany(r => r.Postmortems);

    public int Writes => Postmortems.Sum(p => p.Writes);
}

public sealed record BackfillRepository(string Name, string Branch, string CommitSha, IReadOnlyList<BackfillPostmortem> Postmortems);
