namespace ActionBot.Dashboard;

/// <summary>Where an item stands against its due date.</summary>
public enum DueWindow
{
    /// <summary>Open and past its due date.</summary>
    Overdue,

    /// <summary>Open and due today or within the next <see cref="DashboardItem.SoonDays"/> days.</summary>
    Soon,

    /// <summary>Open and due later.</summary>
    Later,

    Closed,
}

/// <summary>One action item as the page shows it. <see cref="Due"/> is the reminders' due date (stated, or by the policy).</summary>
public sealed record DashboardItem(
    string Key,
    string Title,
    string Repository,
    string Path,
    string PostmortemTitle,
    IReadOnlyList<string> Owners,
    DateOnly Due,
    string? Priority,
    bool Open,
    int? IssueNumber,
    string? IssueUrl,
    DateTimeOffset OpenedAt,
    DateTimeOffset? ClosedAt,
    DateTimeOffset UpdatedAt)
{
    /// <summary>"Due soon" is today and the six days after it: what falls due this week, whatever weekday today is.</summary>
    public const int SoonDays = 7;

    /// <summary>Days from today to the due date: negative when late.</summary>
    public int DaysLeft { get; init; }

    /// <summary>The local dates of <see cref="OpenedAt"/> and <see cref="ClosedAt"/> (the reminders' time zone).</summary>
    public DateOnly OpenedOn { get; init; }

    public DateOnly? ClosedOn { get; init; }

    public DueWindow Window => !Open ? DueWindow.Closed : DaysLeft < 0 ? DueWindow.Overdue : DaysLeft < SoonDays ? DueWindow.Soon : DueWindow.Later;
}

/// <summary>The headline counts of the items in scope.</summary>
public sealed record DashboardTotals(int Open, int Overdue, int DueSoon, int Unowned, int Closed, int Postmortems)
{
    public int All => Open + Closed;
}

/// <summary>Open items of one priority (<c>null</c>: none stated) by due window, and how many are done.</summary>
public sealed record PriorityCounts(string? Priority, int Overdue, int DueSoon, int Later, int Closed)
{
    public int Open => Overdue + DueSoon + Later;
}

/// <summary>Open items of one owner (<c>null</c>: items nobody owns).</summary>
public sealed record OwnerLoad(string? Owner, int Open, int Overdue, int DueSoon);

/// <summary>
/// A postmortem's progress: n of m items done. <see cref="TrackingIssueUrl"/> is its GitHub tracking issue (INTERFACES
/// §5), shown when known: null until it is opened, or when the repository has tracking issues off.
/// </summary>
public sealed record PostmortemProgress(
    string Title, string Repository, string Path, string? Url, DateOnly? Date, int Done, int Total, int Overdue, string? TrackingIssueUrl = null)
{
    public int Percent => Total == 0 ? 100 : (int)Math.Floor(100.0 * Done / Total);
}

/// <summary>One week of the trend: items that came in and were closed in it, and the items open at its end.</summary>
public sealed record WeekPoint(DateOnly Start, int Opened, int Closed, int OpenAtEnd);

/// <summary>
/// How long the items of one priority took from their postmortem's merge to their close (median and 90th percentile,
/// in days), against the policy's days for that priority and how many closed by their due date.
/// </summary>
public sealed record CloseTime(string? Priority, int Count, double MedianDays, double P90Days, int PolicyDays, int OnTime);

/// <summary>One page of the item list: the items of the filters in the chosen order.</summary>
public sealed record ItemList(IReadOnlyList<DashboardItem> Items, int Matching, int Page, int PageSize)
{
    public int Pages => Math.Max(1, (Matching + PageSize - 1) / PageSize);

    public int First => Matching == 0 ? 0 : ((Page - 1) * PageSize) + 1;
}

/// <summary>The values the filter form offers.</summary>
public sealed record FilterChoices(IReadOnlyList<string> Repositories, IReadOnlyList<string> Owners, IReadOnlyList<string> Priorities);

/// <summary>Everything the page shows. <see cref="DryRun"/>: the bundled samples, read because GitHub is not configured.</summary>
public sealed record DashboardModel(
    bool DryRun,
    DateOnly Today,
    DashboardFilter Filter,
    DashboardTotals Totals,
    IReadOnlyList<PriorityCounts> Priorities,
    IReadOnlyList<OwnerLoad> Owners,
    IReadOnlyList<PostmortemProgress> Postmortems,
    IReadOnlyList<WeekPoint> Trend,
    IReadOnlyList<CloseTime> CloseTimes,
    ItemList List,
    FilterChoices Choices)
{
    /// <summary>GitHub is off but storage holds items (from an earlier run): the page shows them and links to the dry run.</summary>
    public bool OffersDryRun { get; init; }
}
