using System.Text.RegularExpressions;
using ActionBot.Dashboard;
using static ActionBot.Tests.Dashboard.DashboardTestData;

namespace ActionBot.Tests.Dashboard;

/// <summary>The HTML renderer on its own: escaping of every outside value, links only to http(s), the views and their links.</summary>
public sealed partial class DashboardPageTests
{
    [Fact]
    public void Titles_owners_paths_and_searches_are_escaped_and_only_http_links_are_written()
    {
        var item = Item("k1", -3, path: "p/'q'.md", owners: "a\"onmouseover=\"x") with
        {
            Title = "<script>x()</script>", IssueUrl = "javascript:alert(1)", IssueNumber = 4, Repository = "acme/<repo>",
        };
        var postmortem = Postmortem("p/'q'.md", 10, "acme/<repo>") with { Title = "</title><h1>", FileUrl = "data:text/html,hi" };

        var html = DashboardPage.Render(Build([item], null, postmortem)) + DashboardPage.Render(Build([item], new DashboardFilter(Search: "\"><b>x</b>"), postmortem));

        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("</title><h1>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("\"onmouseover", html, StringComparison.Ordinal);
        Assert.DoesNotContain("javascript:", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data:text", html, StringComparison.Ordinal);
        Assert.DoesNotContain("'q'", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>x</b>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<repo>", html, StringComparison.Ordinal);
        Assert.Contains("value=\"&quot;&gt;&lt;b&gt;x&lt;/b&gt;\"", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;x()&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("@a&quot;onmouseover=&quot;x", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_page_needs_no_script_and_draws_its_charts_inline_without_a_viewbox()
    {
        var html = DashboardPage.Render(Build([Item("a", -2, owners: "ana"), Closed(Item("b", 3), 8)]));

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch("<(img|link|iframe|object|embed)\\b|\\bsrc=|url\\(|@import", html);
        Assert.Equal(2, Regex.Count(html, "<svg class=\"chart\" width=\"100%\""));

        // Without a viewBox the charts stretch in x only: their text keeps the stylesheet's size at any width.
        Assert.DoesNotContain("viewBox", html, StringComparison.Ordinal);
        Assert.Contains("<meta name=\"viewport\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Tiles_count_and_link_to_the_items_they_count()
    {
        var html = DashboardPage.Render(Build([Item("a", -2, owners: "ana"), Item("b", 3), Item("c", 20, owners: "bo"), Closed(Item("d", 3), 1)]));

        Assert.Equal("1", Tile(html, "overdue"));
        Assert.Equal("1", Tile(html, "soon"));
        Assert.Equal("3", Tile(html, "open"));
        Assert.Equal("1", Tile(html, "unowned"));
        Assert.Equal("1", Tile(html, "closed"));
        Assert.Contains("data-count=\"overdue\" href=\"/?due=overdue#items\"", html, StringComparison.Ordinal);
        Assert.Contains("data-count=\"unowned\" href=\"/?owner=~none#items\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_postmortems_tracking_issue_is_linked_when_it_has_one()
    {
        var model = Build([Item("a", 3)]);
        var withIssue = model with { Postmortems = [model.Postmortems[0] with { TrackingIssueUrl = "https://github.com/acme/ops/issues/40" }] };

        Assert.DoesNotContain("tracking issue", DashboardPage.Render(model), StringComparison.Ordinal);
        Assert.Contains("<a class=\"tracking\" href=\"https://github.com/acme/ops/issues/40\">tracking issue</a>", DashboardPage.Render(withIssue), StringComparison.Ordinal);
        Assert.DoesNotContain("tracking issue", DashboardPage.Render(model with { Postmortems = [model.Postmortems[0] with { TrackingIssueUrl = "javascript:x" }] }), StringComparison.Ordinal);
    }

    [Fact]
    public void The_header_links_the_job_dashboard_and_the_api_and_csv_with_the_pages_filters()
    {
        var html = DashboardPage.Render(Build([Item("a", 3, owners: "ana")], new DashboardFilter(Owner: "ana", Repository: "acme/ops", State: DashboardState.All)));

        Assert.Contains("<a href=\"/hangfire\" id=\"jobs-link\">Jobs</a>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/api/action-items.csv?state=all&amp;owner=ana&amp;repo=acme%2Fops\" id=\"csv-link\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/api/action-items?state=all&amp;owner=ana&amp;repo=acme%2Fops\" id=\"api-link\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Column_headers_sort_and_the_pager_keeps_the_filters()
    {
        var items = Enumerable.Range(0, 30).Select(i => Item($"k{i:00}", i, owners: "ana"));

        var html = DashboardPage.Render(Build(items, new DashboardFilter(Owner: "ana", Sort: SortKey.Due)));

        Assert.Contains("<th scope=\"col\" aria-sort=\"ascending\"><a href=\"/?owner=ana&amp;sort=-due#items\">Due ↑</a></th>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/?owner=ana&amp;sort=priority#items\">Priority</a>", html, StringComparison.Ordinal);
        Assert.Contains("<a rel=\"next\" href=\"/?owner=ana&amp;page=2#items\">", html, StringComparison.Ordinal);
        Assert.Contains("1–25 of 30 items", html, StringComparison.Ordinal);
    }

    private static string Tile(string html, string id) => TileValue().Matches(html).Single(m => m.Groups["id"].Value == id).Groups["value"].Value;

    [GeneratedRegex("data-count=\"(?<id>[a-z]+)\"[^>]*><span class=\"label\">[^<]*</span><b>(?<value>[0-9,]+)</b>")]
    private static partial Regex TileValue();
}
