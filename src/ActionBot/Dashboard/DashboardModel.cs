namespace ActionBot.Dashboard;

/// <summary>One action item as the page shows it.</summary>
public sealed record DashboardItem(
    string Title,
    string Repository,
    string Path,
    IReadOnlyList<string> Owners,
    DateOnly? Due,
    int? DaysOverdue,
    string? Priority,
    bool Open,
    int? IssueNumber,
    string? IssueUrl,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ClosedAt)
{
    public bool Overdue => DaysOverdue is not null;
}

/// <summary>A postmortem and its items (those the filter keeps), overdue first; <see cref="TrackingIssueUrl"/> is its GitHub tracking issue.</summary>
public sealed record DashboardPostmortem(
    string Title, string Repository, string Path, string? Url, DateOnly? Date, IReadOnlyList<DashboardItem> Items, string? TrackingIssueUrl = null)
{
    public int OverdueCount => Items.Count(i => i.Overdue);
}

/// <summary>Open and overdue items of one owner (<c>null</c>: items nobody owns).</summary>
public sealed record OwnerLoad(string? Owner, int Open, int Overdue);

/// <summary>Open and closed items at the end of one day, for the timeline chart.</summary>
public sealed record TimelinePoint(DateOnly Date, int Open, int Closed);

public sealed record DashboardCounts(int Open, int Overdue, int Closed, int Postmortems);

/// <summary>Everything the page shows. <see cref="DryRun"/>: the bundled samples, read because GitHub is not configured.</summary>
public sealed record DashboardModel(
    bool DryRun,
    DateOnly Today,
    DashboardFilter Filter,
    DashboardCounts Counts,
    IReadOnlyList<DashboardPostmortem> Postmortems,
    IReadOnlyList<OwnerLoad> Owners,
    IReadOnlyList<TimelinePoint> Timeline,
    IReadOnlyList<string> Repositories,
    IReadOnlyList<string> AllOwners)
{
    /// <summary>GitHub is off but storage holds items (from an earlier run): the page shows them and links to the dry run.</summary>
    public bool OffersDryRun { get; init; }
}
