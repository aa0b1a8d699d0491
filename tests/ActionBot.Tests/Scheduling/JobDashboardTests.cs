using System.Net;
using System.Text.RegularExpressions;
using ActionBot.Tests.Infrastructure;
using ActionBot.Tests.ReadAccess;

namespace ActionBot.Tests.Scheduling;

/// <summary>Hangfire's dashboard at <c>/hangfire</c>: read-only, self-contained, behind the read access of <c>/</c>.</summary>
public sealed partial class JobDashboardTests
{
    [Fact]
    public async Task The_dashboard_lists_the_recurring_jobs_without_a_button_and_loads_only_its_own_scripts_and_styles()
    {
        await using var app = await ServeApplication.StartAsync();

        using var response = await app.Client.GetAsync(new Uri("/hangfire/recurring", UriKind.Relative));
        var page = await response.Content.ReadAsStringAsync();
        var resources = Resources().Matches(page).Select(m => m.Groups["url"].Value).ToList();
        using var stats = await app.Client.PostAsync(new Uri("/hangfire/stats", UriKind.Relative), new FormUrlEncodedContent([new("metrics[]", "enqueued:count")]));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("ReminderSweepJob", page, StringComparison.Ordinal);
        Assert.Contains("WeeklyDigestJob", page, StringComparison.Ordinal);
        Assert.DoesNotContain("js-jobs-list-command", page, StringComparison.Ordinal);
        Assert.Equal(4, resources.Count);

        // Its icon is an empty data: URL, loaded from nowhere (a policy restricting images must allow data:).
        Assert.Single(resources, r => r.StartsWith("data:", StringComparison.Ordinal));
        foreach (var resource in resources.Where(r => !r.StartsWith("data:", StringComparison.Ordinal)))
        {
            Assert.StartsWith("/hangfire/", resource, StringComparison.Ordinal);
            using var loaded = await app.Client.GetAsync(new Uri(resource, UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, loaded.StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, stats.StatusCode);
        Assert.Contains("href=\"/hangfire\"", await app.Client.GetStringAsync(new Uri("/", UriKind.Relative)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task From_elsewhere_the_dashboard_needs_the_read_token()
    {
        await using var app = await ReadRequests.StartWithTokenAsync();

        using var none = await app.GetAsync("/hangfire", ReadRequests.FromElsewhere);
        using var bearer = await app.GetAsync("/hangfire", ReadRequests.FromElsewhere, ReadRequests.Bearer(ReadRequests.Token));

        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal(HttpStatusCode.OK, bearer.StatusCode);
    }

    // What a browser loads by itself: scripts, style sheets, icons (links to follow are <a href>, not loaded).
    [GeneratedRegex("<(?:script[^>]*\\ssrc|link[^>]*\\shref)=\"(?<url>[^\"]+)\"")]
    private static partial Regex Resources();
}
