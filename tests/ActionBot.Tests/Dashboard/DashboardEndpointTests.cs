using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using ActionBot.Core.Ports;
using ActionBot.Core.Tracking;
using ActionBot.Dashboard;
using ActionBot.Hosting;
using ActionBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace ActionBot.Tests.Dashboard;

/// <summary><c>GET /</c> on the real host: the dry run of the samples without GitHub, filters, and headers that keep the page self-contained.</summary>
public sealed class DashboardEndpointTests : IntegrationTest
{
    [Fact]
    public async Task Without_GitHub_the_page_shows_what_the_samples_would_open()
    {
        await using var app = await ServeApplication.StartAsync();

        using var response = await app.Client.GetAsync(new Uri("/", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("id=\"dry-run\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("dry-run-link", html, StringComparison.Ordinal);
        Assert.Contains("would open", html, StringComparison.Ordinal);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        Assert.Contains("Partner API outage caused by an expired TLS certificate", html, StringComparison.Ordinal);
        Assert.Contains("Show the active environment in the flag CLI prompt", html, StringComparison.Ordinal);
        Assert.Contains("default-src 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("src=\"http", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Owner_filter_keeps_only_that_owners_items_and_state_picks_open_or_all()
    {
        await using var app = await ServeApplication.StartAsync();

        var open = await app.Client.GetStringAsync(new Uri("/?owner=tomasz-w", UriKind.Relative));
        var all = await app.Client.GetStringAsync(new Uri("/?owner=tomasz-w&state=all", UriKind.Relative));

        Assert.Equal(["Show the active environment in the flag CLI prompt"], ListedTitles(open));
        Assert.Equal(
            ["Require an explicit --env on every write command of the flag CLI", "Show the active environment in the flag CLI prompt"],
            ListedTitles(all).Order(StringComparer.Ordinal));
        Assert.Contains("<option value=\"tomasz-w\" selected>", all, StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_the_dry_run_the_api_answers_the_items_the_page_shows()
    {
        await using var app = await ServeApplication.StartAsync();

        var html = await app.Client.GetStringAsync(new Uri("/?state=all", UriKind.Relative));
        var api = await app.Client.GetFromJsonAsync<List<ActionItemResponse>>(new Uri("/api/action-items?state=all", UriKind.Relative), Json) ?? [];
        var open = await app.Client.GetFromJsonAsync<List<ActionItemResponse>>(new Uri("/api/action-items", UriKind.Relative), Json) ?? [];
        var csv = await app.Client.GetStringAsync(new Uri("/api/action-items.csv?state=all", UriKind.Relative));

        Assert.Equal(ListedTitles(html).Order(StringComparer.Ordinal), api.Select(i => i.Title).Order(StringComparer.Ordinal));
        Assert.Equal(ListedTitles(await app.Client.GetStringAsync(new Uri("/", UriKind.Relative))).Order(), open.Select(i => i.Title).Order());
        Assert.Equal(api.Count + 1, csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.All(api, i => Assert.Equal(SampleDryRun.Repository, i.Repository));
        Assert.Contains(api, i => i.State == "closed");
    }

    [Fact]
    public async Task Without_GitHub_but_with_stored_items_the_page_shows_them_and_links_to_the_dry_run()
    {
        await using var app = await ServeApplication.StartAsync();
        var store = app.Service<IActionItemStore>();
        var now = DateTimeOffset.UtcNow;
        await store.SavePostmortemAsync(Postmortem("Stored outage", now), CancellationToken.None);
        await store.UpsertItemsAsync([Item("k1", "Rotate the signing key", ["dana"], due: null, now)], CancellationToken.None);

        var stored = await app.Client.GetStringAsync(new Uri("/", UriKind.Relative));
        var dryRun = await app.Client.GetStringAsync(new Uri("/?dryrun=1", UriKind.Relative));

        Assert.Contains("Rotate the signing key", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"dry-run\"", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("Partner API outage", stored, StringComparison.Ordinal);
        Assert.Contains("<a id=\"dry-run-link\" href=\"/?dryrun=1\">", stored, StringComparison.Ordinal);
        Assert.Contains("id=\"dry-run\"", dryRun, StringComparison.Ordinal);
        Assert.Contains("Partner API outage caused by an expired TLS certificate", dryRun, StringComparison.Ordinal);
        Assert.DoesNotContain("Rotate the signing key", dryRun, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Live_page_lists_stored_items_with_markup_escaped_and_overdue_first()
    {
        var app = await StartBotAsync();
        var store = app.Services.GetRequiredService<IActionItemStore>();
        var now = DateTimeOffset.UtcNow;
        await store.SavePostmortemAsync(Postmortem("<b>Outage</b>", now) with { FileUrl = "javascript:alert(2)" }, CancellationToken.None);
        await store.UpsertItemsAsync(
            [
                Item("k1", "<script>alert(1)</script> fix", ["\"><img src=x>"], due: null, now),
                Item("k2", "Rotate the signing key", ["dana"], due: DateOnly.FromDateTime(now.UtcDateTime).AddDays(-3), now),
            ],
            CancellationToken.None);
        await store.RecordIssueAsync("k2", new IssueRef(7, "https://github.com/acme/services/issues/7"), CancellationToken.None);

        var html = await app.Client.GetStringAsync(new Uri("/", UriKind.Relative));

        Assert.DoesNotContain("id=\"dry-run\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("dry-run-link", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>Outage", html, StringComparison.Ordinal);
        Assert.DoesNotContain("javascript:", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; fix", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://github.com/acme/services/issues/7\">Rotate the signing key</a>", html, StringComparison.Ordinal);
        Assert.Contains("3 d late", html, StringComparison.Ordinal);
        Assert.True(html.IndexOf("Rotate the signing key", StringComparison.Ordinal) < html.IndexOf("alert(1)", StringComparison.Ordinal), "The overdue item comes first.");
        app.AssertLogsAreClean();
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    // The item list's titles, as a reader sees them.
    private static List<string> ListedTitles(string html) =>
        [.. Regex.Matches(html, "<td class=\"title\" data-label=\"Item\"><div>(?:<a [^>]*>)?(?<title>[^<]*)").Select(m => WebUtility.HtmlDecode(m.Groups["title"].Value))];

    private static TrackedPostmortem Postmortem(string title, DateTimeOffset now) => new()
    {
        Repository = ActionBotApplication.Repository, Path = "postmortems/a.md", IssueRepository = ActionBotApplication.Repository,
        CommitSha = "abc", Title = title, MergedAt = now,
    };

    private static TrackedItem Item(string key, string title, string[] owners, DateOnly? due, DateTimeOffset now) => new()
    {
        Key = key, Repository = ActionBotApplication.Repository, Path = "postmortems/a.md", IssueRepository = ActionBotApplication.Repository,
        ItemId = key, Title = title, Section = "Action items", Owners = owners, Due = due, CreatedAt = now, UpdatedAt = now,
    };
}
