using System.Globalization;
using System.Text;

namespace ActionBot.Dashboard;

/// <summary>The dashboard's two charts as inline SVG drawn on the server: no script, no outside request.</summary>
internal static class SvgCharts
{
    private const int Width = 640;
    private const int Height = 220;
    private const int Left = 40;
    private const int Right = 12;
    private const int Top = 12;
    private const int Bottom = 28;

    /// <summary>Open and closed items at the end of each week.</summary>
    public static string Timeline(IReadOnlyList<TimelinePoint> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        var max = Math.Max(1, points.Max(p => Math.Max(p.Open, p.Closed)));
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"chart\" viewBox=\"0 0 {Width} {Height}\" role=\"img\" aria-labelledby=\"timeline-title\">");
        svg.Append("<title id=\"timeline-title\">Open and closed action items, week by week</title>");
        foreach (var tick in new[] { 0, max / 2, max }.Distinct())
        {
            var y = Y(tick, max);
            svg.Append(CultureInfo.InvariantCulture, $"<line class=\"grid\" x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{y:0.#}\" y2=\"{y:0.#}\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left - 6}\" y=\"{y + 4:0.#}\" text-anchor=\"end\">{tick}</text>");
        }

        foreach (var index in new[] { 0, points.Count / 2, points.Count - 1 }.Distinct())
        {
            var label = points[index].Date.ToString("MMM d", CultureInfo.InvariantCulture);
            var anchor = index == 0 ? "start" : index == points.Count - 1 ? "end" : "middle";
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{X(index, points.Count):0.#}\" y=\"{Height - 8}\" text-anchor=\"{anchor}\">{Html.Encode(label)}</text>");
        }

        Line(svg, "open", points.Select(p => p.Open).ToList(), max);
        Line(svg, "closed", points.Select(p => p.Closed).ToList(), max);
        return svg.Append("</svg>").ToString();
    }

    /// <summary>Overdue open items per owner, most first; at most <paramref name="limit"/> bars.</summary>
    public static string OverdueByOwner(IReadOnlyList<OwnerLoad> owners, int limit = 8)
    {
        ArgumentNullException.ThrowIfNull(owners);
        var bars = owners.Where(o => o.Overdue > 0).OrderByDescending(o => o.Overdue).Take(limit).ToList();
        const int Row = 26;
        const int LabelWidth = 130;
        var height = Math.Max(1, bars.Count) * Row + 8;
        var max = Math.Max(1, bars.Select(b => b.Overdue).DefaultIfEmpty(0).Max());
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"chart\" viewBox=\"0 0 {Width} {height}\" role=\"img\" aria-labelledby=\"owners-title\">");
        svg.Append("<title id=\"owners-title\">Overdue items per owner</title>");
        if (bars.Count == 0)
        {
            return svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Width / 2}\" y=\"20\" text-anchor=\"middle\">Nothing is overdue.</text></svg>").ToString();
        }

        for (var i = 0; i < bars.Count; i++)
        {
            var y = 4 + i * Row;
            var length = (Width - LabelWidth - 40) * bars[i].Overdue / (double)max;
            var name = Shorten(bars[i].Owner ?? "(no owner)", 18);
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{LabelWidth - 8}\" y=\"{y + 15}\" text-anchor=\"end\">{Html.Encode(name)}</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"bar\" x=\"{LabelWidth}\" y=\"{y + 2}\" width=\"{Math.Max(2, length):0.#}\" height=\"{Row - 8}\" rx=\"3\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{LabelWidth + length + 6:0.#}\" y=\"{y + 15}\">{bars[i].Overdue}</text>");
        }

        return svg.Append("</svg>").ToString();
    }

    private static void Line(StringBuilder svg, string series, List<int> values, int max)
    {
        var points = string.Join(' ', values.Select((v, i) => string.Create(CultureInfo.InvariantCulture, $"{X(i, values.Count):0.#},{Y(v, max):0.#}")));
        svg.Append(CultureInfo.InvariantCulture, $"<polyline class=\"{series}\" fill=\"none\" points=\"{points}\"/>");
        for (var i = 0; i < values.Count; i++)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<circle class=\"{series}\" cx=\"{X(i, values.Count):0.#}\" cy=\"{Y(values[i], max):0.#}\" r=\"2.5\"/>");
        }
    }

    private static double X(int index, int count) => count <= 1 ? Left : Left + index * (Width - Left - Right) / (double)(count - 1);

    private static double Y(int value, int max) => Top + (1 - value / (double)max) * (Height - Top - Bottom);

    private static string Shorten(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";
}
