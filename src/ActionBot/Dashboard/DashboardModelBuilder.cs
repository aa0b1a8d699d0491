using ActionBot.Core.Tracking;

namespace ActionBot.Dashboard;

/// <summary>Turns tracked postmortems and items (from storage, or the samples in a dry run) into what the page shows.</summary>
public sealed class DashboardModelBuilder(ItemDueDates dueDates)
{
    /// <summary>Weeks of history in the open-versus-closed chart.</summary>
    public const int TimelineWeeks = 12;

    public DashboardModel Build(IReadOnlyList<TrackedPostmortem> postmortems, IReadOnlyList<TrackedItem> items, DashboardFilter filter, bool dryRun)
    {
        ArgumentNullException.ThrowIfNull(postmortems);
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(filter);
        var today = dueDates.Today;
        var byFile = postmortems.ToDictionary(p => (p.Repository, p.Path));

        // Items no longer in their postmortem are history, not work: the page leaves them out.
        var all = items.Where(i => !i.Removed).Select(i => ToView(i, byFile.GetValueOrDefault((i.Repository, i.Path)), today)).ToList();
        var kept = all.Where(filter.Keeps).ToList();
        var listed = kept.Where(filter.Lists).ToList();

        var groups = listed
            .GroupBy(i => (i.Repository, i.Path))
            .Select(g => ToPostmortem(g.Key, byFile.GetValueOrDefault(g.Key), g))
            .OrderByDescending(p => p.OverdueCount > 0)
            .ThenByDescending(p => p.Items.Where(i => i.Overdue).Select(i => i.DaysOverdue).DefaultIfEmpty(0).Max())
            .ThenByDescending(p => p.Date)
            .ToList();

        var counts = new DashboardCounts(
            kept.Count(i => i.Open), kept.Count(i => i.Overdue), kept.Count(i => !i.Open), kept.Select(i => (i.Repository, i.Path)).Distinct().Count());
        return new DashboardModel(
            dryRun, today, filter, counts, groups, OwnerLoads(kept), Timeline(kept, today),
            [.. all.Select(i => i.Repository).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase)],
            [.. all.SelectMany(i => i.Owners).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase)]);
    }

    private DashboardItem ToView(TrackedItem item, TrackedPostmortem? postmortem, DateOnly today)
    {
        var due = dueDates.DueDate(item, postmortem);
        return new DashboardItem(
            item.Title, item.Repository, item.Path, item.Owners, due, ItemDueDates.DaysOverdue(item, due, today), item.Priority,
            item.State == ItemState.Open, item.IssueNumber, item.IssueUrl, item.CreatedAt, item.ClosedAt);
    }

    private static DashboardPostmortem ToPostmortem((string Repository, string Path) file, TrackedPostmortem? postmortem, IEnumerable<DashboardItem> items)
    {
        var ordered = items
            .OrderByDescending(i => i.DaysOverdue ?? -1)
            .ThenByDescending(i => i.Open)
            .ThenBy(i => i.Due ?? DateOnly.MaxValue)
            .ToList();
        var title = postmortem?.Title ?? Path.GetFileNameWithoutExtension(file.Path);
        return new DashboardPostmortem(title, file.Repository, file.Path, postmortem?.FileUrl ?? postmortem?.PullRequestUrl, postmortem?.Date, ordered, postmortem?.TrackingIssueUrl);
    }

    private static List<OwnerLoad> OwnerLoads(IEnumerable<DashboardItem> items) => items
        .Where(i => i.Open)
        .SelectMany(i => i.Owners.Count == 0 ? [(Owner: (string?)null, Item: i)] : i.Owners.Select(o => (Owner: (string?)o, Item: i)))
        .GroupBy(x => x.Owner?.ToLowerInvariant())
        .Select(g => new OwnerLoad(g.First().Owner, g.Count(), g.Count(x => x.Item.Overdue)))
        .OrderByDescending(o => o.Overdue)
        .ThenByDescending(o => o.Open)
        .ThenBy(o => o.Owner, StringComparer.OrdinalIgnoreCase)
        .ToList();

    // Open = created by the end of that day and not closed by then; closed = closed by then.
    private static List<TimelinePoint> Timeline(IReadOnlyList<DashboardItem> items, DateOnly today)
    {
        var points = new List<TimelinePoint>(TimelineWeeks + 1);
        for (var week = TimelineWeeks; week >= 0; week--)
        {
            var day = today.AddDays(-7 * week);
            var end = new DateTimeOffset(day.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            var closed = items.Count(i => ClosedBy(i, end));
            var open = items.Count(i => i.CreatedAt < end && !ClosedBy(i, end));
            points.Add(new TimelinePoint(day, open, closed));
        }

        return points;
    }

    // An item closed before anyone recorded when (done in its postmortem) counts as closed from its creation.
    private static bool ClosedBy(DashboardItem item, DateTimeOffset end) => !item.Open && (item.ClosedAt ?? item.CreatedAt) < end;
}
