using System.Globalization;
using System.Text;
using static ActionBot.Dashboard.Html;

namespace ActionBot.Dashboard;

/// <summary>
/// Renders the dashboard as one HTML document: counts, a GET filter form (no script), two inline SVG charts, open items
/// by owner and by postmortem, overdue first. Every value from outside (titles, logins, paths, links) goes through <see cref="Html"/>.
/// </summary>
public static class DashboardPage
{
    public static string Render(DashboardModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var html = new StringBuilder(16 * 1024);
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<title>ActionBot · action items</title><style>").Append(DashboardStyles.Css).Append("</style></head><body>")
            .Append("<header><div><h1>ActionBot</h1><p>Postmortem action items, followed until they are done · ")
            .Append(Encode(model.Today.ToString("dddd, MMMM d, yyyy", CultureInfo.InvariantCulture))).Append("</p></div></header><main>");
        if (model.DryRun)
        {
            html.Append("<div class=\"banner\" id=\"dry-run\"><b>Dry run.</b> GitHub is not configured, so nothing is opened. ")
                .Append("These are the issues ActionBot <b>would open</b> for the bundled sample postmortems (<code>src/ActionBot/Samples</code>). ")
                .Append("To go live, set the keys described in <code>deploy/README.md</code>.</div>");
        }

        Stats(html, model.Counts, model.DryRun);
        Filters(html, model);
        Charts(html, model);
        Owners(html, model);
        Postmortems(html, model);
        html.Append("<footer>JSON: <a href=\"/api/action-items?state=all\">/api/action-items</a> · metrics: <a href=\"/metrics\">/metrics</a> · jobs: <a href=\"/hangfire\">/hangfire</a>");
        if (model.OffersDryRun)
        {
            html.Append(" · GitHub is not configured: <a id=\"dry-run-link\" href=\"").Append(PageHref((DashboardEndpoint.DryRunQuery, "1")))
                .Append("\">what the bundled samples would open</a>");
        }

        html.Append("</footer>");
        return html.Append("</main></body></html>").ToString();
    }

    private static void Stats(StringBuilder html, DashboardCounts counts, bool dryRun)
    {
        html.Append("<section class=\"stats\" aria-label=\"Counts\">");
        Stat(html, dryRun ? "Would open" : "Open", counts.Open, "open");
        Stat(html, "Overdue", counts.Overdue, counts.Overdue > 0 ? "late" : "overdue");
        Stat(html, dryRun ? "Already done" : "Closed", counts.Closed, "closed");
        Stat(html, "Postmortems", counts.Postmortems, "postmortems");
        html.Append("</section>");
    }

    private static void Stat(StringBuilder html, string label, int value, string css) =>
        html.Append(CultureInfo.InvariantCulture, $"<div class=\"stat {css}\" data-count=\"{css}\"><span>{Encode(label)}</span><b>{value}</b></div>");

    private static void Filters(StringBuilder html, DashboardModel model)
    {
        var filter = model.Filter;
        html.Append("<form class=\"filters\" method=\"get\" action=\"/\">");
        Select(html, "repo", "Repository", model.Repositories, filter.Repository, "All repositories");
        Select(html, "owner", "Owner", model.AllOwners, filter.Owner, "Everyone");
        Select(html, "state", "State", ["open", "closed", "all"], filter.State.ToString().ToLowerInvariant(), null);
        html.Append("<button type=\"submit\">Apply</button> <a href=\"/\">Reset</a></form>");
    }

    private static void Select(StringBuilder html, string name, string label, IReadOnlyList<string> values, string? selected, string? anyLabel)
    {
        html.Append(CultureInfo.InvariantCulture, $"<label>{Encode(label)}<select name=\"{name}\" id=\"filter-{name}\">");
        if (anyLabel is not null)
        {
            html.Append(CultureInfo.InvariantCulture, $"<option value=\"\">{Encode(anyLabel)}</option>");
        }

        foreach (var value in values)
        {
            var isSelected = string.Equals(value, selected, StringComparison.OrdinalIgnoreCase) ? " selected" : string.Empty;
            html.Append(CultureInfo.InvariantCulture, $"<option value=\"{Encode(value)}\"{isSelected}>{Encode(value)}</option>");
        }

        html.Append("</select></label>");
    }

    private static void Charts(StringBuilder html, DashboardModel model)
    {
        html.Append("<section class=\"charts\"><div class=\"card\"><h3>Open versus closed</h3>")
            .Append(CultureInfo.InvariantCulture, $"<p class=\"sub\">End of each week, last {DashboardModelBuilder.TimelineWeeks} weeks</p>")
            .Append(SvgCharts.Timeline(model.Timeline))
            .Append("<div class=\"legend\"><i style=\"background:var(--accent)\"></i>open<i style=\"background:var(--ok)\"></i>closed</div></div>")
            .Append("<div class=\"card\"><h3>Overdue per owner</h3><p class=\"sub\">Open items past their due date</p>")
            .Append(SvgCharts.OverdueByOwner(model.Owners)).Append("</div></section>");
    }

    private static void Owners(StringBuilder html, DashboardModel model)
    {
        html.Append("<h2>By owner</h2><div class=\"card\">");
        if (model.Owners.Count == 0)
        {
            html.Append("<p class=\"empty\">No open items.</p></div>");
            return;
        }

        html.Append("<table id=\"owners\"><thead><tr><th>Owner</th><th class=\"n\">Open</th><th class=\"n\">Overdue</th></tr></thead><tbody>");
        foreach (var owner in model.Owners)
        {
            var name = owner.Owner is null
                ? "<span class=\"empty\">(no owner)</span>"
                : $"<a href=\"{PageHref(("repo", model.Filter.Repository), ("owner", owner.Owner))}\">{Encode(owner.Owner)}</a>";
            var late = owner.Overdue > 0 ? $"<span class=\"badge late\">{owner.Overdue}</span>" : "0";
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{name}</td><td class=\"n\">{owner.Open}</td><td class=\"n\">{late}</td></tr>");
        }

        html.Append("</tbody></table></div>");
    }

    private static void Postmortems(StringBuilder html, DashboardModel model)
    {
        html.Append("<h2>By postmortem</h2>");
        if (model.Postmortems.Count == 0)
        {
            html.Append(model.Counts.Postmortems == 0 && model.Filter is { Repository: null, Owner: null }
                ? "<div class=\"card empty\" id=\"no-items\">No postmortem tracked yet. Merge one into a configured repository and its action items appear here.</div>"
                : "<div class=\"card empty\" id=\"no-items\">No items match these filters.</div>");
            return;
        }

        foreach (var postmortem in model.Postmortems)
        {
            var title = SafeHref(postmortem.Url) is { } href ? $"<a href=\"{href}\">{Encode(postmortem.Title)}</a>" : Encode(postmortem.Title);
            html.Append("<section class=\"card postmortem\"><h3>").Append(title).Append("</h3><p class=\"sub\">")
                .Append(Encode($"{postmortem.Repository} · {postmortem.Path}"))
                .Append(postmortem.Date is { } date ? Encode($" · {date:yyyy-MM-dd}") : string.Empty).Append("</p><ul class=\"items\">");
            foreach (var item in postmortem.Items)
            {
                Item(html, item, model);
            }

            html.Append("</ul></section>");
        }
    }

    private static void Item(StringBuilder html, DashboardItem item, DashboardModel model)
    {
        var css = item.Overdue ? "item overdue" : item.Open ? "item" : "item closed";
        var title = SafeHref(item.IssueUrl) is { } href ? $"<a href=\"{href}\">{Encode(item.Title)}</a>" : Encode(item.Title);
        html.Append(CultureInfo.InvariantCulture, $"<li class=\"{css}\"><div class=\"title\">{title}</div><div class=\"meta\">");
        if (item.Overdue)
        {
            html.Append(CultureInfo.InvariantCulture, $"<span class=\"badge late\">overdue {item.DaysOverdue} d</span>");
        }

        var owners = item.Owners.Count == 0
            ? "no owner"
            : string.Join(", ", item.Owners.Select(o => $"<a class=\"owner\" href=\"{PageHref(("repo", model.Filter.Repository), ("owner", o))}\">@{Encode(o)}</a>"));
        html.Append("<span>").Append(owners).Append("</span>");
        html.Append(item.Due is { } due ? $"<span>due {Encode(due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))}</span>" : "<span>no due date</span>");
        if (item.Priority is not null)
        {
            html.Append("<span class=\"badge\">").Append(Encode(item.Priority)).Append("</span>");
        }

        html.Append(model.DryRun
            ? (item.Open ? "<span>would open an issue</span>" : "<span>done: no issue</span>")
            : item.IssueNumber is { } number ? Encode($"#{number} {(item.Open ? "open" : "closed")}") : (item.Open ? "<span>issue pending</span>" : "<span>closed</span>"));
        html.Append("</div></li>");
    }
}
