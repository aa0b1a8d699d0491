using ActionBot.Dashboard;

namespace ActionBot.Tests.Dashboard;

/// <summary>The HTML renderer on its own: escaping of every outside value, links only to http(s), counts and charts.</summary>
public sealed class DashboardPageTests
{
    private static readonly DateOnly Today = new(2025, 6, 2);

    [Fact]
    public void Titles_owners_and_paths_are_escaped_and_only_http_links_are_written()
    {
        var item = Item("<script>x()</script>", ["a\"onmouseover=\"x"], issueUrl: "javascript:alert(1)");
        var model = Model([new DashboardPostmortem("</title><h1>", "acme/<repo>", "p/'q'.md", "data:text/html,hi", null, [item])]);

        var html = DashboardPage.Render(model);

        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("</title><h1>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("\"onmouseover", html, StringComparison.Ordinal);
        Assert.DoesNotContain("javascript:", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data:text", html, StringComparison.Ordinal);
        Assert.DoesNotContain("'q'", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;x()&lt;/script&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Counts_and_both_charts_are_drawn_inline()
    {
        var late = Item("Late", ["ana"], daysOverdue: 4);
        var model = Model([new DashboardPostmortem("PM", "acme/a", "p.md", "https://example.test/p.md", Today, [late])]) with
        {
            Counts = new DashboardCounts(1, 1, 0, 1),
            Owners = [new OwnerLoad("ana", 1, 1)],
        };

        var html = DashboardPage.Render(model);

        Assert.Contains("<meta name=\"viewport\"", html, StringComparison.Ordinal);
        Assert.Equal(2, CountOf(html, "<svg class=\"chart\""));
        Assert.Contains("<polyline class=\"open\"", html, StringComparison.Ordinal);
        Assert.Contains("<rect class=\"bar\"", html, StringComparison.Ordinal);
        Assert.Contains("<li class=\"item overdue\">", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://example.test/p.md\">PM</a>", html, StringComparison.Ordinal);
        Assert.Contains("data-count=\"late\"><span>Overdue</span><b>1</b>", html, StringComparison.Ordinal);
    }

    private static int CountOf(string text, string part) => (text.Length - text.Replace(part, string.Empty, StringComparison.Ordinal).Length) / part.Length;

    private static DashboardItem Item(string title, string[] owners, string? issueUrl = null, int? daysOverdue = null) => new(
        title, "acme/a", "p.md", owners, Today.AddDays(-(daysOverdue ?? -5)), daysOverdue, "P1", true, 3, issueUrl,
        new DateTimeOffset(2025, 5, 1, 0, 0, 0, TimeSpan.Zero), null);

    private static DashboardModel Model(IReadOnlyList<DashboardPostmortem> postmortems) => new(
        false, Today, new DashboardFilter(null, null, DashboardState.Open), new DashboardCounts(1, 0, 0, 1), postmortems, [],
        [new TimelinePoint(Today.AddDays(-7), 0, 0), new TimelinePoint(Today, 1, 0)], ["acme/a"], ["ana"]);
}
