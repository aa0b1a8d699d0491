using System.Net;
using System.Text.Json;
using ActionBot.Core.Ports;
using ActionBot.Core.Tracking;
using ActionBot.Hosting;
using ActionBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace ActionBot.Tests.Hosting;

/// <summary>
/// <c>GET /api/action-items</c> and its CSV on the real host (SQLite; <see cref="ActionItemsApiPostgresTests"/> walks
/// PostgreSQL), as INTERFACES §2 promises: pages followed by <c>Link: rel="next"</c>, <c>Cache-Control: no-store</c>.
/// </summary>
public sealed class ActionItemsApiTests : IntegrationTest
{
    [Fact]
    public async Task Following_Link_next_sees_every_item_once_while_items_are_added_and_closed()
    {
        var app = await StartBotAsync();
        var store = app.Services.GetRequiredService<IActionItemStore>();
        var seeded = await StoredItems.SeedAsync(store, 23);

        // After the second page: two new items (created now, so after every item already listed), and an item not
        // yet listed is closed by its issue (a change, not a move: it keeps its place).
        List<TrackedItem> added = [];
        var (items, pages) = await ApiPages.WalkAsync(app.Client, "/api/action-items?state=all&limit=5", async page =>
        {
            if (page == 2)
            {
                added = [StoredItems.Item("late-1", "postmortems/a.md", StoredItems.Start.AddDays(2)), StoredItems.Item("late-2", "postmortems/b.md", StoredItems.Start.AddDays(3))];
                await store.UpsertItemsAsync(added, CancellationToken.None);
                await store.RecordIssueAsync(seeded[20].Key, new IssueRef(120, "https://github.com/acme/services/issues/120"), CancellationToken.None);
                await store.SetIssueStateAsync(ActionBotApplication.Repository, 120, ItemState.Closed, StoredItems.Start.AddDays(4), CancellationToken.None);
            }
        });

        var expected = seeded.OrderBy(i => i.CreatedAt).ThenBy(i => i.Key, StringComparer.Ordinal).Concat(added).Select(i => i.Key);
        Assert.Equal(expected, items.Select(i => i.Key));
        Assert.Equal(5, pages);
        Assert.Equal("closed", items.Single(i => i.Key == seeded[20].Key).State);
        app.AssertLogsAreClean();
    }

    [Fact]
    public async Task A_page_holds_100_items_by_default_and_up_to_1000_when_asked()
    {
        var app = await StartBotAsync();
        await StoredItems.SeedAsync(app.Services.GetRequiredService<IActionItemStore>(), 1001);

        var (byDefault, next) = await ApiPages.GetAsync(app.Client, new Uri("/api/action-items?state=all", UriKind.Relative));
        var (large, nextOfLarge) = await ApiPages.GetAsync(app.Client, new Uri("/api/action-items?state=all&limit=1000", UriKind.Relative));
        var (last, end) = await ApiPages.GetAsync(app.Client, nextOfLarge!);

        Assert.Equal(100, byDefault.Count);
        Assert.NotNull(next);
        Assert.Equal(1000, large.Count);
        Assert.Contains("limit=1000", nextOfLarge!.Query, StringComparison.Ordinal);
        Assert.Equal("item1000", Assert.Single(last).Title[4..]);
        Assert.Null(end);
    }

    [Fact]
    public async Task The_next_link_keeps_the_filters_and_every_page_follows_them()
    {
        var app = await StartBotAsync();
        var seeded = await StoredItems.SeedAsync(app.Services.GetRequiredService<IActionItemStore>(), 40);

        using var first = await app.Client.GetAsync(new Uri("/api/action-items?owner=%40LEE&state=open&limit=2&repo=acme%2Fservices", UriKind.Relative));
        var (items, _) = await ApiPages.WalkAsync(app.Client, "/api/action-items?owner=%40LEE&state=open&limit=2&repo=acme%2Fservices");

        var next = ApiPages.Next(first)!;
        Assert.Equal(app.Client.BaseAddress!.Authority, next.Authority);
        Assert.Equal("/api/action-items", next.AbsolutePath);
        var query = Uri.UnescapeDataString(next.Query);
        Assert.Contains("owner=@LEE", query, StringComparison.Ordinal);
        Assert.Contains("state=open", query, StringComparison.Ordinal);
        Assert.Contains("repo=acme/services", query, StringComparison.Ordinal);
        Assert.Contains("limit=2", query, StringComparison.Ordinal);
        var expected = seeded.Where(i => i.Owners.Contains("lee") && i.State == ItemState.Open).Select(i => i.Key).Order();
        Assert.Equal(expected, items.Select(i => i.Key).Order());
        Assert.NotEmpty(items);
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=1001", "limit")]
    [InlineData("limit=ten", "limit")]
    [InlineData("limit=-5", "limit")]
    [InlineData("state=stale", "state")]
    [InlineData("cursor=not-a-cursor", "cursor")]
    [InlineData("cursor=djEKbm90LWEtZGF0ZQprZXk", "cursor")]
    public async Task A_bad_query_value_is_a_400_that_names_it(string query, string name)
    {
        var app = await StartBotAsync();

        using var list = await app.Client.GetAsync(new Uri($"/api/action-items?{query}", UriKind.Relative));
        using var csv = await app.Client.GetAsync(new Uri($"/api/action-items.csv?{query}", UriKind.Relative));
        using var problem = JsonDocument.Parse(await list.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, list.StatusCode);
        Assert.Equal("application/problem+json", list.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith(name, problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.True(list.Headers.CacheControl?.NoStore);

        // The CSV has no pages: it ignores limit and cursor, and refuses only a bad state.
        Assert.Equal(name == "state" ? HttpStatusCode.BadRequest : HttpStatusCode.OK, csv.StatusCode);
    }

    [Fact]
    public async Task The_csv_has_a_header_and_one_row_per_item_with_formulas_neutralised()
    {
        var app = await StartBotAsync();
        var store = app.Services.GetRequiredService<IActionItemStore>();
        await store.SavePostmortemAsync(StoredItems.Postmortem("postmortems/a.md"), CancellationToken.None);
        string[] titles = ["=HYPERLINK(\"http://evil.test\",\"x\")", "+1+1", "-2+3", "@SUM(A1:A2)", "\tTabbed", "\rCarriage", "Plain, with \"quotes\"\nand a line break", "Fine title"];
        var items = titles.Select((t, i) => StoredItems.Item($"i{i}", "postmortems/a.md", StoredItems.Start.AddMinutes(i), owners: ["dana", "=cmd|' /C calc'!A0"]) with { Title = t }).ToList();
        await store.UpsertItemsAsync(items, CancellationToken.None);

        using var response = await app.Client.GetAsync(new Uri("/api/action-items.csv?state=all", UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        var rows = Rfc4180.Parse(body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.True(response.Headers.CacheControl?.NoStore);
        Assert.Equal(Rfc4180.Parse(ActionItemsCsv.Header).Single(), rows[0]);
        Assert.Equal(titles.Length + 1, rows.Count);
        var title = rows[0].IndexOf("title");
        Assert.Equal(titles.Select(Neutral), rows.Skip(1).Select(r => r[title]));
        Assert.All(rows.Skip(1), r => Assert.Equal("dana; =cmd|' /C calc'!A0", r[rows[0].IndexOf("owners")]));
        Assert.All(rows.Skip(1).SelectMany(r => r), cell => Assert.False(cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@' or '\t' or '\r', cell));
        Assert.Contains("\"'=HYPERLINK(\"\"http://evil.test\"\",\"\"x\"\")\"", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_csv_lists_every_item_of_the_filters_past_one_storage_page()
    {
        var app = await StartBotAsync();
        var seeded = await StoredItems.SeedAsync(app.Services.GetRequiredService<IActionItemStore>(), 1201);

        var open = Rfc4180.Parse(await app.Client.GetStringAsync(new Uri("/api/action-items.csv", UriKind.Relative)));
        var lees = Rfc4180.Parse(await app.Client.GetStringAsync(new Uri("/api/action-items.csv?state=all&owner=lee&limit=3", UriKind.Relative)));

        Assert.Equal(seeded.Where(i => i.State == ItemState.Open).Select(i => i.Key).Order(), open.Skip(1).Select(r => r[0]).Order());
        Assert.Equal(seeded.Count(i => i.Owners.Contains("lee")) + 1, lees.Count);
        Assert.Equal(lees.Count - 1, lees.Skip(1).Select(r => r[0]).Distinct().Count());
    }

    // What a cell that a spreadsheet would run must become: text, marked by a leading apostrophe.
    private static string Neutral(string value) => value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;
}
