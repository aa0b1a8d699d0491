using System.Globalization;
using System.Text;
using static ActionBot.Dashboard.Html;

namespace ActionBot.Dashboard;

/// <summary>
/// The 12-week trend as inline SVG drawn on the server: items opened and closed each week (bars) and the items open at
/// each week's end (a line). The SVGs have no viewBox: x is in percent of the card's width and y and text in CSS pixels,
/// so the charts stretch to any width while their text keeps its size (12 px on a 390 px phone as on a desktop).
/// </summary>
internal static class TrendChart
{
    private const double PlotLeft = 9;
    private const double PlotWidth = 100 - PlotLeft - 1;
    private const int Top = 10;

    public static void Card(StringBuilder html, DashboardModel model)
    {
        var weeks = model.Trend;
        html.Append("<section class=\"card\" id=\"trend\" aria-labelledby=\"trend-title\"><h2 id=\"trend-title\">Last 12 weeks</h2>")
            .Append(CultureInfo.InvariantCulture, $"<p class=\"sub\">{Count(weeks.Sum(w => w.Opened))} opened, {Count(weeks.Sum(w => w.Closed))} closed; ")
            .Append(CultureInfo.InvariantCulture, $"open now {Count(weeks[^1].OpenAtEnd)}, {Count(weeks[0].OpenAtEnd)} on {ShortDate(weeks[0].Start.AddDays(6), model.Today)}.</p>");
        html.Append("<ul class=\"legend\" aria-hidden=\"true\"><li><i class=\"opened\"></i>opened</li><li><i class=\"closed\"></i>closed, per week</li></ul>");
        Bars(html, weeks, model.Today);
        html.Append("<ul class=\"legend\" aria-hidden=\"true\"><li><i class=\"backlog\"></i>open at the end of each week</li></ul>");
        Backlog(html, weeks, model.Today);
        html.Append("</section>");
    }

    private static void Bars(StringBuilder html, IReadOnlyList<WeekPoint> weeks, DateOnly today)
    {
        const int Plot = 110;
        var max = NiceMax(weeks.Max(w => Math.Max(w.Opened, w.Closed)));
        var summary = string.Join("; ", weeks.Select(w => $"week of {ShortDate(w.Start, today)}: {w.Opened} opened, {w.Closed} closed"));
        html.Append(CultureInfo.InvariantCulture, $"<svg class=\"chart\" width=\"100%\" height=\"{Top + Plot + 22}\" role=\"img\" aria-labelledby=\"bars-title\">")
            .Append("<title id=\"bars-title\">Items opened and closed per week: ").Append(Encode(summary)).Append("</title>");
        Axis(html, max, Plot);
        var slot = PlotWidth / weeks.Count;
        for (var i = 0; i < weeks.Count; i++)
        {
            var x = PlotLeft + (i * slot);
            Bar(html, "opened", x + (slot * 0.14), slot * 0.34, weeks[i].Opened, max, Plot);
            Bar(html, "closed", x + (slot * 0.52), slot * 0.34, weeks[i].Closed, max, Plot);
        }

        WeekLabels(html, weeks, today, Top + Plot + 16);
        html.Append("</svg>");
    }

    private static void Backlog(StringBuilder html, IReadOnlyList<WeekPoint> weeks, DateOnly today)
    {
        const int Plot = 60;
        var max = NiceMax(weeks.Max(w => w.OpenAtEnd));
        var summary = string.Join("; ", weeks.Select(w => $"{ShortDate(w.Start.AddDays(6), today)}: {w.OpenAtEnd}"));
        html.Append(CultureInfo.InvariantCulture, $"<svg class=\"chart\" width=\"100%\" height=\"{Top + Plot + 22}\" role=\"img\" aria-labelledby=\"backlog-title\">")
            .Append("<title id=\"backlog-title\">Items open at the end of each week: ").Append(Encode(summary)).Append("</title>");
        Axis(html, max, Plot);
        var slot = PlotWidth / weeks.Count;
        string X(int i) => Pct(PlotLeft + ((i + 0.5) * slot));
        string Y(int value) => Px(Top + Plot - (Plot * value / (double)max));
        for (var i = 1; i < weeks.Count; i++)
        {
            html.Append(CultureInfo.InvariantCulture, $"<line class=\"backlog\" x1=\"{X(i - 1)}\" y1=\"{Y(weeks[i - 1].OpenAtEnd)}\" x2=\"{X(i)}\" y2=\"{Y(weeks[i].OpenAtEnd)}\"/>");
        }

        for (var i = 0; i < weeks.Count; i++)
        {
            html.Append(CultureInfo.InvariantCulture, $"<circle class=\"backlog\" cx=\"{X(i)}\" cy=\"{Y(weeks[i].OpenAtEnd)}\" r=\"3\"/>");
        }

        WeekLabels(html, weeks, today, Top + Plot + 16);
        html.Append("</svg>");
    }

    // Grid lines at 0, half and the top, labelled at the left edge.
    private static void Axis(StringBuilder html, int max, int plot)
    {
        foreach (var tick in new[] { 0, max / 2, max }.Distinct())
        {
            var y = Top + plot - (plot * tick / (double)max);
            html.Append(CultureInfo.InvariantCulture, $"<line class=\"grid\" x1=\"{Pct(PlotLeft)}\" x2=\"100%\" y1=\"{Px(y)}\" y2=\"{Px(y)}\"/>")
                .Append(CultureInfo.InvariantCulture, $"<text x=\"0\" y=\"{Px(y + 4)}\">{Count(tick)}</text>");
        }
    }

    private static void Bar(StringBuilder html, string series, double x, double width, int value, int max, int plot)
    {
        var height = value == 0 ? 0 : Math.Max(2, plot * value / (double)max);
        html.Append(CultureInfo.InvariantCulture, $"<rect class=\"{series}\" x=\"{Pct(x)}\" width=\"{Pct(width)}\" y=\"{Px(Top + plot - height)}\" height=\"{Px(height)}\" rx=\"2\"/>");
    }

    // Every third week is labelled, ending on the current one: four labels fit a phone's width.
    private static void WeekLabels(StringBuilder html, IReadOnlyList<WeekPoint> weeks, DateOnly today, int y)
    {
        var slot = PlotWidth / weeks.Count;
        for (var i = weeks.Count - 1; i >= 0; i -= 3)
        {
            // The last label ends at the right edge rather than centred on its week, where it would be cut off.
            var (label, x, anchor) = i == weeks.Count - 1
                ? ("this week", "100%", "end")
                : (ShortDate(weeks[i].Start, today), Pct(PlotLeft + ((i + 0.5) * slot)), "middle");
            html.Append(CultureInfo.InvariantCulture, $"<text x=\"{x}\" y=\"{y}\" text-anchor=\"{anchor}\">{Encode(label)}</text>");
        }
    }

    // A round axis maximum (1, 2, 5 times a power of ten) at or above the largest value.
    private static int NiceMax(int value)
    {
        var step = 1;
        while (true)
        {
            foreach (var factor in new[] { 1, 2, 5 })
            {
                if (value <= factor * step && factor * step >= 2)
                {
                    return factor * step;
                }
            }

            step *= 10;
        }
    }

    private static string Pct(double value) => value.ToString("0.##", CultureInfo.InvariantCulture) + "%";

    private static string Px(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
