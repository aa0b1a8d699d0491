using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using ActionBot.Testing;
using ActionBot.Tests.Infrastructure;
using ActionBot.Testing.GitHub.Webhooks;
using ActionBot.Testing;
using static ActionBot.Tests.Infrastructure.SamplePostmortems;

namespace ActionBot.Tests.Observability;

/// <summary><c>GET /metrics</c> after real traffic: a merged pull request and a forged delivery, scraped as Prometheus would.</summary>
public sealed class MetricsEndpointTests : IntegrationTest
{
    // On the day of the merge (the samples' items are due weeks later), whatever the machine's date: none is overdue yet.
    public MetricsEndpointTests() => Clock = new FakeTimeProvider();

    [Fact]
    public async Task After_a_merged_postmortem_and_a_forged_delivery_the_scrape_counts_them()
    {
        // Half an hour after the merge: none of the new items can be overdue yet, whatever today's date.
        var app = await StartBotAsync(clock: new FakeTimeProvider());
        using var accepted = await app.PostWebhookAsync("pull_request", MergedPullRequest.Seed(GitHub, 42, Both));
        await app.DrainAsync();
        using var forged = await app.Client.PostWebhookAsync("pull_request", Encoding.UTF8.GetBytes("{}"), "not-the-secret");

        using var response = await app.Client.GetAsync(new Uri("/metrics", UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("0.0.4", response.Content.Headers.ContentType?.Parameters.Single(p => p.Name == "version").Value);
        Assert.Equal(1, Sample(text, "actionbot_webhooks_received_total{event=\"pull_request\",source=\"github\"}"));
        Assert.Equal(1, Sample(text, "actionbot_webhooks_rejected_total{reason=\"signature\",source=\"github\"}"));
        Assert.Equal(5, Sample(text, $"actionbot_issues_opened_total{{repository=\"{ActionBotApplication.Repository}\"}}"));
        Assert.Equal(5, Sample(text, "actionbot_items_open"));
        Assert.Equal(1, Sample(text, "actionbot_items_closed"));
        Assert.Equal(0, Sample(text, "actionbot_items_overdue"));
        Assert.Contains("# TYPE actionbot_github_call_duration_seconds histogram", text, StringComparison.Ordinal);
        var posts = Sample(text, "actionbot_github_call_duration_seconds_count{method=\"POST\",status=\"201\"}");
        Assert.True(posts >= 5, $"at least the five issue creations are timed, saw {posts}");
        Assert.Equal(posts, Sample(text, "actionbot_github_call_duration_seconds_bucket{method=\"POST\",status=\"201\",le=\"+Inf\"}"));
        app.AssertLogsAreClean();
    }

    private static double Sample(string text, string series)
    {
        var match = Regex.Match(text, "^" + Regex.Escape(series) + " (\\S+)$", RegexOptions.Multiline);
        Assert.True(match.Success, $"{series} is not in the scrape:\n{text}");
        return double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }
}
