using System.Globalization;
using System.Text;
using static ActionBot.Dashboard.Html;

namespace ActionBot.Dashboard;

/// <summary>The item list: a GET form of filters (no script), a table sorted by any column, and pages.</summary>
internal static class ItemListView
{
    private static readonly (SortKey Key, string Label)[] Columns =
        [(SortKey.Title, "Item"), (SortKey.Owner, "Owner"), (SortKey.Priority, "Priority"), (SortKey.Due, "Due")];

    public static void Render(StringBuilder html, DashboardModel model)
    {
        var list = model.List;
        html.Append("<section class=\"card items\" id=\"items\" aria-labelledby=\"items-title\"><h2 id=\"items-title\">Action items</h2>");
        Form(html, model);
        html.Append("<p class=\"sub\" id=\"list-count\">");
        html.Append(list.Matching == 0
            ? "No item matches these filters."
            : string.Create(CultureInfo.InvariantCulture, $"{Count(list.First)}–{Count(list.First + list.Items.Count - 1)} of {DashboardPage.Plural(list.Matching, "item")}"));
        html.Append("</p>");
        if (list.Items.Count > 0)
        {
            Table(html, model);
            Pager(html, model);
        }

        html.Append("</section>");
    }

    private static void Form(StringBuilder html, DashboardModel model)
    {
        var filter = model.Filter;
        var choices = model.Choices;
        html.Append("<form class=\"filters\" method=\"get\" action=\"/#items\" role=\"search\" aria-label=\"Filter the items\">")
            .Append("<label class=\"search\">Search<input type=\"search\" name=\"q\" id=\"filter-q\" value=\"").Append(Encode(filter.Search))
            .Append("\" placeholder=\"title, postmortem, owner, #issue\"></label>");
        Select(html, "repo", "Repository", filter.Repository, [("", "All"), .. choices.Repositories.Select(r => (r, r))]);
        Select(html, "owner", "Owner", filter.Owner, [("", "Everyone"), (DashboardFilter.None, "No owner"), .. choices.Owners.Select(o => (o, o))]);
        Select(html, "priority", "Priority", filter.Priority, [("", "Any"), .. choices.Priorities.Select(p => (p, p)), (DashboardFilter.None, "None")]);
        Select(html, "state", "State", filter.State.ToString().ToLowerInvariant(), [("open", "Open"), ("closed", "Closed"), ("all", "All")]);
        Select(html, "due", "Due", filter.Due?.ToString().ToLowerInvariant(), [("", "Any time"), ("overdue", "Overdue"), ("soon", "This week"), ("later", "Later")]);
        Select(html, "sort", "Sort", DashboardFilter.SortValue(filter.Sort, filter.Descending),
            [("due", "Due date"), ("priority", "Priority"), ("-updated", "Recently updated"), ("title", "Title"), ("owner", "Owner"), ("postmortem", "Postmortem")]);
        if (filter.DryRunAsked)
        {
            html.Append("<input type=\"hidden\" name=\"").Append(ActionItemSource.DryRunQuery).Append("\" value=\"1\">");
        }

        html.Append("<div class=\"actions\"><button type=\"submit\">Apply</button><a href=\"")
            .Append(PageHref(new DashboardFilter { DryRunAsked = filter.DryRunAsked }, "items")).Append("\">Reset</a></div></form>");
    }

    private static void Select(StringBuilder html, string name, string label, string? selected, IReadOnlyList<(string Value, string Text)> options)
    {
        html.Append(CultureInfo.InvariantCulture, $"<label>{Encode(label)}<select name=\"{name}\" id=\"filter-{name}\">");
        var current = options.Any(o => string.Equals(o.Value, selected, StringComparison.OrdinalIgnoreCase)) ? selected : options[0].Value;
        foreach (var (value, text) in options)
        {
            var isSelected = string.Equals(value, current, StringComparison.OrdinalIgnoreCase) ? " selected" : string.Empty;
            html.Append(CultureInfo.InvariantCulture, $"<option value=\"{Encode(value)}\"{isSelected}>{Encode(text)}</option>");
        }

        html.Append("</select></label>");
    }

    private static void Table(StringBuilder html, DashboardModel model)
    {
        var filter = model.Filter;
        html.Append("<table class=\"list\"><thead><tr>");
        foreach (var (key, label) in Columns)
        {
            var sorted = filter.Sort == key;
            var descending = sorted ? !filter.Descending : ItemSorting.StartsDescending(key);
            var aria = sorted ? $" aria-sort=\"{(filter.Descending ? "descending" : "ascending")}\"" : "";
            var arrow = sorted ? (filter.Descending ? " ↓" : " ↑") : "";
            html.Append(CultureInfo.InvariantCulture, $"<th scope=\"col\"{aria}><a href=\"{PageHref(filter with { Sort = key, Descending = descending, Page = 1 }, "items")}\">{label}{arrow}</a></th>");
        }

        html.Append("<th scope=\"col\">Issue</th></tr></thead><tbody>");
        foreach (var item in model.List.Items)
        {
            ItemRow.Render(html, item, model);
        }

        html.Append("</tbody></table>");
    }

    private static void Pager(StringBuilder html, DashboardModel model)
    {
        var list = model.List;
        if (list.Pages == 1)
        {
            return;
        }

        html.Append("<nav class=\"pager\" aria-label=\"Pages\">");
        html.Append(list.Page > 1
            ? $"<a rel=\"prev\" href=\"{PageHref(model.Filter with { Page = list.Page - 1 }, "items")}\">← Previous</a>"
            : "<span class=\"muted\">← Previous</span>");
        html.Append(CultureInfo.InvariantCulture, $"<span>Page {list.Page} of {list.Pages}</span>");
        html.Append(list.Page < list.Pages
            ? $"<a rel=\"next\" href=\"{PageHref(model.Filter with { Page = list.Page + 1 }, "items")}\">Next →</a>"
            : "<span class=\"muted\">Next →</span>");
        html.Append("</nav>");
    }
}
