using ActionBot.Core.Ports;
using ActionBot.Core.Tracking;

namespace ActionBot.Dashboard;

/// <summary>Turns tracked postmortems and items (from storage, or the samples in a dry run) into what the page shows.</summary>
public sealed class DashboardModelBuilder(ItemDueDates dueDates)
{
    /// <summary>Items on one page of the list.</summary>
    public const int PageSize = 25;

    public DashboardModel Build(DashboardData data, DashboardFilter filter, bool dryRun)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(filter);
        var today = dueDates.Today;
        var byFile = data.Postmortems.ToDictionary(p => (p.Repository, p.Path));
        var all = data.Items.Select(i => ToView(i, byFile.GetValueOrDefault((i.Repository, i.Path)), today)).ToList();
        var scope = all.Where(filter.InScope).ToList();
        var listed = ItemSorting.Sort(scope.Where(filter.Lists), filter.Sort, filter.Descending);
        var pages = Math.Max(1, (listed.Count + PageSize - 1) / PageSize);
        var page = Math.Min(filter.Page, pages);

        return new DashboardModel(
            dryRun,
            today,
            filter with { Page = page },
            DashboardStatistics.Totals(scope),
            DashboardStatistics.ByPriority(scope),
            DashboardStatistics.ByOwner(scope),
            DashboardStatistics.ByPostmortem(scope, (repository, path) => byFile.GetValueOrDefault((repository, path)) is { } p ? (Link(p), p.Date, p.TrackingIssueUrl) : (null, null, null)),
            DashboardStatistics.Trend(scope, today),
            DashboardStatistics.TimeToClose(scope, dueDates.PolicyDays),
            new ItemList(listed.Skip((page - 1) * PageSize).Take(PageSize).ToList(), listed.Count, page, PageSize),
            new FilterChoices(
                [.. all.Select(i => i.Repository).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase)],
                [.. all.SelectMany(i => i.Owners).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase)],
                [.. all.Select(i => i.Priority).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).Order(PriorityOrder.Comparer)]));
    }

    private DashboardItem ToView(ItemSummary item, TrackedPostmortem? postmortem, DateOnly today)
    {
        var opened = postmortem?.MergedAt ?? item.CreatedAt;
        var due = dueDates.DueDate(item, postmortem);
        var title = postmortem?.Title ?? Path.GetFileNameWithoutExtension(item.Path);
        return new DashboardItem(
            item.Key, item.Title, item.Repository, item.Path, title, item.Owners, due, item.Priority, item.State == ItemState.Open,
            item.IssueNumber, item.IssueUrl, opened, item.ClosedAt, item.UpdatedAt)
        {
            DaysLeft = due.DayNumber - today.DayNumber,
            OpenedOn = dueDates.LocalDate(opened),
            ClosedOn = item.ClosedAt is { } closed ? dueDates.LocalDate(closed) : null,
        };
    }

    private static string? Link(TrackedPostmortem postmortem) => postmortem.FileUrl ?? postmortem.PullRequestUrl;
}
