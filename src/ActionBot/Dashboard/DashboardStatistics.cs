namespace ActionBot.Dashboard;

/// <summary>The page's summaries of the items in scope: by priority, by owner, by postmortem, by week, and time to close.</summary>
internal static class DashboardStatistics
{
    /// <summary>Weeks in the trend; the last one ends today.</summary>
    public const int TrendWeeks = 12;

    public static DashboardTotals Totals(IReadOnlyList<DashboardItem> items) => new(
        items.Count(i => i.Open),
        items.Count(i => i.Window == DueWindow.Overdue),
        items.Count(i => i.Window == DueWindow.Soon),
        items.Count(i => i.Open && i.Owners.Count == 0),
        items.Count(i => !i.Open),
        items.Select(i => (i.Repository, i.Path)).Distinct().Count());

    public static List<PriorityCounts> ByPriority(IEnumerable<DashboardItem> items) => items
        .GroupBy(i => i.Priority?.ToUpperInvariant())
        .Select(g => new PriorityCounts(
            g.First().Priority,
            g.Count(i => i.Window == DueWindow.Overdue),
            g.Count(i => i.Window == DueWindow.Soon),
            g.Count(i => i.Window == DueWindow.Later),
            g.Count(i => !i.Open)))
        .OrderBy(p => p.Priority, PriorityOrder.Comparer)
        .ToList();

    /// <summary>Open items per owner, the latest first: most overdue, then most due soon, then most open.</summary>
    public static List<OwnerLoad> ByOwner(IEnumerable<DashboardItem> items) => items
        .Where(i => i.Open)
        .SelectMany(i => i.Owners.Count == 0 ? [(Owner: (string?)null, Item: i)] : i.Owners.Select(o => (Owner: (string?)o, Item: i)))
        .GroupBy(x => x.Owner?.ToLowerInvariant())
        .Select(g => new OwnerLoad(g.First().Owner, g.Count(), g.Count(x => x.Item.Window == DueWindow.Overdue), g.Count(x => x.Item.Window == DueWindow.Soon)))
        .OrderByDescending(o => o.Overdue)
        .ThenByDescending(o => o.DueSoon)
        .ThenByDescending(o => o.Open)
        .ThenBy(o => o.Owner, StringComparer.OrdinalIgnoreCase)
        .ToList();

    /// <summary>Each postmortem's n of m done; stuck ones first (most overdue, then least done), then the latest.</summary>
    public static List<PostmortemProgress> ByPostmortem(IEnumerable<DashboardItem> items, Func<string, string, (string? Url, DateOnly? Date, string? TrackingIssueUrl)> postmortem) => items
        .GroupBy(i => (i.Repository, i.Path))
        .Select(g =>
        {
            var (url, date, tracking) = postmortem(g.Key.Repository, g.Key.Path);
            return new PostmortemProgress(
                g.First().PostmortemTitle, g.Key.Repository, g.Key.Path, url, date, g.Count(i => !i.Open), g.Count(), g.Count(i => i.Window == DueWindow.Overdue), tracking);
        })
        .OrderByDescending(p => p.Overdue)
        .ThenBy(p => p.Percent)
        .ThenByDescending(p => p.Date)
        .ThenBy(p => p.Title, StringComparer.OrdinalIgnoreCase)
        .ToList();

    /// <summary>The last <see cref="TrendWeeks"/> weeks, each ending on the weekday of today.</summary>
    public static List<WeekPoint> Trend(IReadOnlyList<DashboardItem> items, DateOnly today)
    {
        var weeks = new List<WeekPoint>(TrendWeeks);
        for (var week = TrendWeeks - 1; week >= 0; week--)
        {
            var end = today.AddDays(-7 * week);
            var start = end.AddDays(-6);
            int opened = 0, closed = 0, open = 0;
            foreach (var item in items)
            {
                var closedOn = ClosedOn(item);
                opened += item.OpenedOn >= start && item.OpenedOn <= end ? 1 : 0;
                closed += closedOn >= start && closedOn <= end ? 1 : 0;
                open += item.OpenedOn <= end && !(closedOn <= end) ? 1 : 0;
            }

            weeks.Add(new WeekPoint(start, opened, closed, open));
        }

        return weeks;
    }

    /// <summary>
    /// Days from merge to close by priority. Items closed when their postmortem merged (done before the bot tracked
    /// them) are left out: they say nothing about how fast the team closes.
    /// </summary>
    public static List<CloseTime> TimeToClose(IEnumerable<DashboardItem> items, Func<string?, int> policyDays) => items
        .Where(i => i.ClosedAt is { } closed && closed > i.OpenedAt)
        .GroupBy(i => i.Priority?.ToUpperInvariant())
        .Select(g =>
        {
            var days = g.Select(i => (i.ClosedAt!.Value - i.OpenedAt).TotalDays).Order().ToList();
            var priority = g.First().Priority;
            return new CloseTime(priority, days.Count, Percentile(days, 0.5), Percentile(days, 0.9), policyDays(priority), g.Count(i => i.ClosedOn <= i.Due));
        })
        .OrderBy(c => c.Priority, PriorityOrder.Comparer)
        .ToList();

    // Linear interpolation between closest ranks (Excel's PERCENTILE.INC) over sorted values.
    private static double Percentile(List<double> sorted, double p)
    {
        var rank = p * (sorted.Count - 1);
        var low = (int)Math.Floor(rank);
        return low + 1 < sorted.Count ? sorted[low] + ((rank - low) * (sorted[low + 1] - sorted[low])) : sorted[low];
    }

    // A closed item whose close time nobody recorded counts as closed when it was opened.
    private static DateOnly? ClosedOn(DashboardItem item) => item.Open ? null : item.ClosedOn ?? item.OpenedOn;
}
