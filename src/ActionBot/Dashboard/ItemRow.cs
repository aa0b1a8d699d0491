using System.Globalization;
using System.Text;
using static ActionBot.Dashboard.Html;

namespace ActionBot.Dashboard;

/// <summary>One row of the item list: title and postmortem, owners, priority, due date with how late or soon, issue.</summary>
internal static class ItemRow
{
    public static void Render(StringBuilder html, DashboardItem item, DashboardModel model)
    {
        var css = item.Window switch
        {
            DueWindow.Overdue => "late",
            DueWindow.Soon => "soon",
            DueWindow.Closed => "closed",
            _ => "open",
        };
        var title = SafeHref(item.IssueUrl) is { } href ? $"<a href=\"{href}\">{Encode(item.Title)}</a>" : Encode(item.Title);
        html.Append(CultureInfo.InvariantCulture, $"<tr class=\"item {css}\"><td class=\"title\" data-label=\"Item\"><div>{title}</div>")
            .Append("<div class=\"from\">").Append(Encode(item.PostmortemTitle)).Append("</div></td>");

        var scope = model.Filter with { Page = 1 };
        var owners = item.Owners.Count == 0
            ? "<span class=\"flag\">No owner</span>"
            : string.Join(" ", item.Owners.Select(o => $"<a class=\"owner\" href=\"{PageHref(scope with { Owner = o }, "items")}\">@{Encode(o)}</a>"));
        html.Append("<td data-label=\"Owner\">").Append(owners).Append("</td>");
        html.Append(item.Priority is null ? "<td data-label=\"Priority\" class=\"none\"><span class=\"muted\">—</span></td>" : $"<td data-label=\"Priority\"><span class=\"pri\">{Encode(item.Priority)}</span></td>");
        html.Append("<td data-label=\"Due\" class=\"due\">").Append(Encode(ShortDate(item.Due, model.Today))).Append(' ').Append(Relative(item)).Append("</td>");
        html.Append("<td data-label=\"Issue\" class=\"issue\">").Append(Issue(item, model.DryRun)).Append("</td></tr>");
    }

    private static string Relative(DashboardItem item) => item.Window switch
    {
        DueWindow.Overdue => $"<span class=\"badge late\">{-item.DaysLeft} d late</span>",
        DueWindow.Soon => item.DaysLeft == 0 ? "<span class=\"badge soon\">today</span>" : $"<span class=\"badge soon\">in {item.DaysLeft} d</span>",
        DueWindow.Later => $"<span class=\"muted\">in {(item.DaysLeft < 21 ? $"{item.DaysLeft} d" : $"{item.DaysLeft / 7} wk")}</span>",
        _ => item.ClosedOn is { } closed ? $"<span class=\"badge done\">done{(closed <= item.Due ? "" : " late")}</span>" : "<span class=\"badge done\">done</span>",
    };

    private static string Issue(DashboardItem item, bool dryRun)
    {
        if (dryRun)
        {
            return item.Open ? "<span class=\"muted\">would open</span>" : "<span class=\"muted\">none: done</span>";
        }

        if (item.IssueNumber is not { } number)
        {
            return item.Open ? "<span class=\"muted\">pending</span>" : "<span class=\"muted\">none</span>";
        }

        var text = Encode(string.Create(CultureInfo.InvariantCulture, $"#{number}"));
        return SafeHref(item.IssueUrl) is { } href ? $"<a href=\"{href}\">{text}</a>" : text;
    }
}
