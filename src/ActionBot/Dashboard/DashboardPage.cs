using System.Globalization;
using System.Text;
using ActionBot.Hosting;
using static ActionBot.Dashboard.Html;

namespace ActionBot.Dashboard;

/// <summary>
/// Renders the dashboard as one HTML document with no script: headline tiles (overdue, due this week, open, unowned,
/// done), summaries by priority, owner and postmortem, the 12-week trend and time to close, then the item list with its
/// filters, sort and pages. Every value from outside (titles, logins, paths, links) goes through <see cref="Html"/>.
/// </summary>
public static class DashboardPage
{
    public const string JobsPath = "/hangfire";

    public static string Render(DashboardModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var html = new StringBuilder(48 * 1024);
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<title>ActionBot · action items</title><style>").Append(DashboardStyles.Css).Append("</style></head><body>");
        Header(html, model);
        html.Append("<main>");
        if (model.DryRun)
        {
            html.Append("<div class=\"banner\" id=\"dry-run\" role=\"note\"><b>Dry run:</b> GitHub is not configured, so nothing is opened. ")
                .Append("These are the bundled samples (<code>src/ActionBot/Samples</code>), ")
                .Append(CultureInfo.InvariantCulture, $"dated as if the newest had merged {SampleDryRun.NewestMergedDaysAgo} days ago; items marked done closed on their due date. ")
                .Append("To go live, see <code>deploy/README.md</code>.</div>");
        }

        Tiles(html, model);
        html.Append("<div class=\"grid\">");
        DashboardSummaries.Priorities(html, model);
        DashboardSummaries.Owners(html, model);
        DashboardSummaries.Postmortems(html, model);
        TrendChart.Card(html, model);
        DashboardSummaries.CloseTimes(html, model);
        html.Append("</div>");
        ItemListView.Render(html, model);
        Footer(html, model);
        return html.Append("</main></body></html>").ToString();
    }

    /// <summary>The API's query for what the page shows: the filters it shares with the page (state, owner, repository).</summary>
    public static IEnumerable<(string Name, string? Value)> ApiParameters(DashboardFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        yield return ("state", filter.State.ToString().ToLowerInvariant());
        yield return ("owner", filter.Owner == DashboardFilter.None ? null : filter.Owner);
        yield return ("repo", filter.Repository);
        yield return (ActionItemSource.DryRunQuery, filter.DryRunAsked ? "1" : null);
    }

    private static void Header(StringBuilder html, DashboardModel model)
    {
        var api = ApiParameters(model.Filter).ToList();
        html.Append("<header><div class=\"bar\"><div><h1><a href=\"").Append(PageHref(new DashboardFilter { DryRunAsked = model.Filter.DryRunAsked }))
            .Append("\">ActionBot</a></h1><p>Postmortem action items · ")
            .Append(Encode(model.Today.ToString("ddd, MMM d, yyyy", CultureInfo.InvariantCulture))).Append("</p></div>")
            .Append("<nav aria-label=\"Shortcuts\"><a href=\"#items\">Items</a><a href=\"").Append(JobsPath).Append("\" id=\"jobs-link\">Jobs</a>")
            .Append("<a href=\"").Append(Href(ActionItemsApi.Route + ".csv", api)).Append("\" id=\"csv-link\">CSV</a>")
            .Append("<a href=\"").Append(Href(ActionItemsApi.Route, api)).Append("\" id=\"api-link\">JSON</a>")
            .Append("<a href=\"/metrics\">Metrics</a></nav></div></header>");
    }

    private static void Tiles(StringBuilder html, DashboardModel model)
    {
        var totals = model.Totals;
        var scope = model.Filter with { State = DashboardState.Open, Due = null, Sort = SortKey.Due, Descending = false, Page = 1 };
        html.Append("<section class=\"tiles\" aria-label=\"Headline counts\">");
        Tile(html, "overdue", totals.Overdue > 0 ? "tile late" : "tile", "Overdue", totals.Overdue, "past their due date", scope with { Due = DueWindow.Overdue });
        Tile(html, "soon", totals.DueSoon > 0 ? "tile soon" : "tile", "Due this week", totals.DueSoon, $"today to {ShortDate(model.Today.AddDays(DashboardItem.SoonDays - 1), model.Today)}", scope with { Due = DueWindow.Soon });
        Tile(html, "open", "tile", model.DryRun ? "Would open" : "Open", totals.Open, $"in {Plural(totals.Postmortems, "postmortem")}", scope);
        Tile(html, "unowned", totals.Unowned > 0 ? "tile soon" : "tile", "No owner", totals.Unowned, totals.Unowned > 0 ? "open, need an owner" : "every open item is owned", scope with { Owner = DashboardFilter.None });
        var done = totals.All == 0 ? 0 : (int)Math.Floor(100.0 * totals.Closed / totals.All);
        Tile(html, "closed", "tile done", "Done", totals.Closed, $"{done} % of {Count(totals.All)}", scope with { State = DashboardState.Closed, Sort = SortKey.Updated, Descending = true }, done);
        html.Append("</section>");
    }

    private static void Tile(StringBuilder html, string id, string css, string label, int value, string note, DashboardFilter target, int? percent = null)
    {
        html.Append(CultureInfo.InvariantCulture, $"<a class=\"{css}\" data-count=\"{id}\" href=\"{PageHref(target, "items")}\">")
            .Append(CultureInfo.InvariantCulture, $"<span class=\"label\">{Encode(label)}</span><b>{Count(value)}</b><span class=\"note\">{Encode(note)}</span>");
        if (percent is { } width)
        {
            html.Append(CultureInfo.InvariantCulture, $"<span class=\"meter\" aria-hidden=\"true\"><span style=\"width:{width}%\"></span></span>");
        }

        html.Append("</a>");
    }

    private static void Footer(StringBuilder html, DashboardModel model)
    {
        html.Append("<footer>Times are in the reminders' time zone; due dates without one follow the policy (merge + days by priority). ")
            .Append("JSON: <a href=\"").Append(Href(ActionItemsApi.Route, ApiParameters(model.Filter))).Append("\">/api/action-items</a>");
        if (model.OffersDryRun)
        {
            html.Append(" · GitHub is not configured: <a id=\"dry-run-link\" href=\"").Append(PageHref(new DashboardFilter { DryRunAsked = true }))
                .Append("\">what the bundled samples would open</a>");
        }

        html.Append("</footer>");
    }

    internal static string Plural(int count, string noun) => $"{Count(count)} {noun}{(count == 1 ? "" : "s")}";
}
