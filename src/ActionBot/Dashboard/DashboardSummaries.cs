using System.Globalization;
using System.Text;
using static ActionBot.Dashboard.Html;

namespace ActionBot.Dashboard;

/// <summary>The summary cards: open items by priority, who is late, postmortem progress, and time to close.</summary>
internal static class DashboardSummaries
{
    /// <summary>Owners and postmortems shown before "show all".</summary>
    public const int ShortList = 6;

    public static void Priorities(StringBuilder html, DashboardModel model)
    {
        if (!Card(html, "priorities", "Open by priority", model.Priorities.Count == 0 ? "No items." : null))
        {
            return;
        }

        TableHead(html, "Priority", "Overdue", "This week", "Later", "Done");
        var scope = ListOf(model.Filter);
        foreach (var row in model.Priorities)
        {
            var priority = scope with { Priority = row.Priority ?? DashboardFilter.None };
            html.Append("<tr><th scope=\"row\">").Append(row.Priority is null ? "<span class=\"muted\">none</span>" : $"<span class=\"pri\">{Encode(row.Priority)}</span>").Append("</th>");
            Cell(html, row.Overdue, priority with { Due = DueWindow.Overdue }, "late");
            Cell(html, row.DueSoon, priority with { Due = DueWindow.Soon }, "soon");
            Cell(html, row.Later, priority with { Due = DueWindow.Later }, null);
            Cell(html, row.Closed, priority with { State = DashboardState.Closed }, null);
            html.Append("</tr>");
        }

        html.Append("</tbody></table></section>");
    }

    public static void Owners(StringBuilder html, DashboardModel model)
    {
        if (!Card(html, "owners", "Who is late", model.Owners.Count == 0 ? "No open items." : null))
        {
            return;
        }

        TableHead(html, "Owner", "Overdue", "This week", "Open");
        var scope = ListOf(model.Filter);
        foreach (var owner in model.Owners.Take(ShortList))
        {
            var mine = scope with { Owner = owner.Owner ?? DashboardFilter.None };
            var name = owner.Owner is null ? "<span class=\"flag\">No owner</span>" : "@" + Encode(owner.Owner);
            html.Append(CultureInfo.InvariantCulture, $"<tr><th scope=\"row\"><a href=\"{PageHref(mine, "items")}\">{name}</a></th>");
            Cell(html, owner.Overdue, mine with { Due = DueWindow.Overdue }, "late");
            Cell(html, owner.DueSoon, mine with { Due = DueWindow.Soon }, "soon");
            Cell(html, owner.Open, mine, null);
            html.Append("</tr>");
        }

        html.Append("</tbody></table>");
        if (model.Owners.Count > ShortList)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"more\">and {DashboardPage.Plural(model.Owners.Count - ShortList, "more owner")}: pick one in the filters below.</p>");
        }

        html.Append("</section>");
    }

    public static void Postmortems(StringBuilder html, DashboardModel model)
    {
        html.Append("<section class=\"card\" id=\"postmortems\" aria-labelledby=\"postmortems-title\"><h2 id=\"postmortems-title\">Postmortems</h2>");
        if (model.Postmortems.Count == 0)
        {
            html.Append(HasScope(model.Filter)
                ? "<p class=\"empty\">No postmortem matches these filters.</p></section>"
                : "<p class=\"empty\" id=\"nothing-tracked\">No postmortem tracked yet. Merge one into a configured repository and its action items appear here.</p></section>");
            return;
        }

        html.Append("<p class=\"sub\">Stuck first: most overdue, then least done.</p><ul class=\"progress\">");
        var shown = model.Filter.AllPostmortems ? model.Postmortems : model.Postmortems.Take(ShortList);
        foreach (var postmortem in shown)
        {
            var title = SafeHref(postmortem.Url) is { } href ? $"<a href=\"{href}\">{Encode(postmortem.Title)}</a>" : Encode(postmortem.Title);
            html.Append("<li><div class=\"pm-title\">").Append(title).Append("</div><div class=\"meter\" aria-hidden=\"true\"><span style=\"width:")
                .Append(postmortem.Percent.ToString(CultureInfo.InvariantCulture)).Append("%\"></span></div><div class=\"meta\">")
                .Append(CultureInfo.InvariantCulture, $"<span><b>{postmortem.Done} of {postmortem.Total}</b> done</span>");
            if (postmortem.Overdue > 0)
            {
                html.Append(CultureInfo.InvariantCulture, $"<span class=\"badge late\">{postmortem.Overdue} overdue</span>");
            }

            html.Append("<span>").Append(Encode(postmortem.Repository)).Append(postmortem.Date is { } date ? " · " + Encode(ShortDate(date, model.Today)) : "").Append("</span>");
            if (SafeHref(postmortem.TrackingIssueUrl) is { } tracking)
            {
                html.Append("<a class=\"tracking\" href=\"").Append(tracking).Append("\">tracking issue</a>");
            }

            html.Append("</div></li>");
        }

        html.Append("</ul>");
        if (!model.Filter.AllPostmortems && model.Postmortems.Count > ShortList)
        {
            html.Append("<p class=\"more\"><a href=\"").Append(PageHref(model.Filter with { AllPostmortems = true }, "postmortems"))
                .Append(CultureInfo.InvariantCulture, $"\">Show all {model.Postmortems.Count} postmortems</a></p>");
        }

        html.Append("</section>");
    }

    public static void CloseTimes(StringBuilder html, DashboardModel model)
    {
        html.Append("<section class=\"card\" id=\"close-times\" aria-labelledby=\"close-title\"><h2 id=\"close-title\">Time to close</h2>")
            .Append("<p class=\"sub\">Days from the postmortem's merge to the close: median, 90th percentile, and the policy's due days.</p>");
        if (model.CloseTimes.Count == 0)
        {
            html.Append("<p class=\"empty\">Nothing closed yet (items already done when their postmortem merged are not counted).</p></section>");
            return;
        }

        var scale = model.CloseTimes.Max(c => Math.Max(c.P90Days, c.PolicyDays)) * 1.05;
        html.Append("<ul class=\"ttc-list\">");
        foreach (var row in model.CloseTimes)
        {
            var late = row.MedianDays > row.PolicyDays ? " late" : "";
            html.Append("<li><div class=\"meta\">").Append(row.Priority is null ? "<span class=\"pri\">none</span>" : $"<span class=\"pri\">{Encode(row.Priority)}</span>")
                .Append(CultureInfo.InvariantCulture, $"<span>{Count(row.Count)} closed</span><span>{100 * row.OnTime / row.Count} % by their due date</span></div>")
                .Append("<div class=\"ttc\" aria-hidden=\"true\">")
                .Append(CultureInfo.InvariantCulture, $"<span class=\"p90\" style=\"width:{Percent(row.P90Days, scale)}%\"></span><span class=\"median{late}\" style=\"width:{Percent(row.MedianDays, scale)}%\"></span>")
                .Append(CultureInfo.InvariantCulture, $"<i style=\"left:{Percent(row.PolicyDays, scale)}%\"></i></div>")
                .Append(CultureInfo.InvariantCulture, $"<div class=\"meta\"><span class=\"median-value{late}\">median <b>{Days(row.MedianDays)}</b></span><span>p90 <b>{Days(row.P90Days)}</b></span><span>policy <b>{row.PolicyDays} d</b></span></div></li>");
        }

        html.Append("</ul><ul class=\"legend\" aria-hidden=\"true\"><li><i class=\"median\"></i>median</li><li><i class=\"p90\"></i>p90</li><li><i class=\"policy\"></i>policy</li></ul></section>");
    }

    // Opens a card; when there is nothing to show, writes why and closes it, and the caller stops.
    private static bool Card(StringBuilder html, string id, string title, string? empty)
    {
        html.Append(CultureInfo.InvariantCulture, $"<section class=\"card\" id=\"{id}\" aria-labelledby=\"{id}-title\"><h2 id=\"{id}-title\">{title}</h2>");
        if (empty is not null)
        {
            html.Append("<p class=\"empty\">").Append(empty).Append("</p></section>");
        }

        return empty is null;
    }

    // A table's head: a label column, then right-aligned count columns.
    private static void TableHead(StringBuilder html, string label, params string[] counts)
    {
        html.Append("<table><thead><tr><th scope=\"col\">").Append(label).Append("</th>");
        foreach (var count in counts)
        {
            html.Append("<th scope=\"col\" class=\"n\">").Append(count).Append("</th>");
        }

        html.Append("</tr></thead><tbody>");
    }

    /// <summary>The filter of a summary link: the page's scope, all of the list (open items, due order, first page).</summary>
    private static DashboardFilter ListOf(DashboardFilter filter) =>
        filter with { State = DashboardState.Open, Due = null, Sort = SortKey.Due, Descending = false, Page = 1, AllPostmortems = false };

    private static bool HasScope(DashboardFilter filter) => filter is not { Search: null, Repository: null, Owner: null, Priority: null };

    // A count that links to the items it counts; zero is plain.
    private static void Cell(StringBuilder html, int value, DashboardFilter target, string? css) =>
        html.Append(value == 0
            ? "<td class=\"n zero\">0</td>"
            : $"<td class=\"n\"><a class=\"{css ?? "count"}\" href=\"{PageHref(target, "items")}\">{Count(value)}</a></td>");

    private static string Days(double days) => days < 1 ? "&lt;1 d" : string.Create(CultureInfo.InvariantCulture, $"{Math.Round(days):0} d");

    private static string Percent(double value, double scale) => (scale <= 0 ? 0 : Math.Min(100, 100 * value / scale)).ToString("0.#", CultureInfo.InvariantCulture);
}
