using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using ActionBot.Scheduling;
using ActionBot.Testing;
using ActionBot.Testing.Discord;
using ActionBot.Tests.Infrastructure;
using ActionBot.Testing.GitHub.Webhooks;
using Microsoft.Extensions.DependencyInjection;
using static ActionBot.Tests.Infrastructure.SamplePostmortems;

namespace ActionBot.Tests.Observability;

/// <summary><c>GET /metrics</c> after real traffic (merged pull requests, a forged delivery, reminders through Discord), scraped as Prometheus would.</summary>
public sealed class MetricsEndpointTests : IntegrationTest
{
    public MetricsEndpointTests()
    {
        UsesDiscord = true;
        Clock = new FakeTimeProvider();
    }

    [Fact]
    public async Task After_a_merged_postmortem_and_a_forged_delivery_the_scrape_counts_them()
    {
        var app = await StartBotAsync();
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

    [Fact]
    public async Task After_owners_were_reminded_through_Discord_the_scrape_counts_reminders_chat_messages_and_Discord_calls()
    {
        var app = await StartBotAsync(s =>
        {
            s["ActionBot:GitHub:Repositories:0:DiscordChannelId"] = PaymentPostmortem.Channel;
            s["ActionBot:Discord:UserLinks:900000000000000222"] = "bob";
        });
        await PaymentPostmortem.MergeAsync(app);
        Clock!.SetUtcNow(PaymentPostmortem.Monday);
        await app.Services.GetRequiredService<ReminderSweepJob>().RunAsync(CancellationToken.None);
        await app.ChatOutbox.WaitUntilAllSentAsync(ActionBotApplication.WaitLimit);

        var text = await app.Client.GetStringAsync(new Uri("/metrics", UriKind.Relative));

        Assert.Equal(2, Sample(text, "actionbot_reminders_sent_total{kind=\"overdue\"}"));
        Assert.Equal(2, Sample(text, "actionbot_reminders_overdue_comments_total"));
        Assert.Equal(1, Sample(text, "actionbot_chat_messages_total{kind=\"announce\",outcome=\"sent\"}"));
        Assert.Equal(2, Sample(text, "actionbot_chat_messages_total{kind=\"remind\",outcome=\"sent\"}"));
        Assert.Equal(3, Sample(text, "actionbot_discord_call_duration_seconds_count{method=\"POST\",route=\"channels/{id}/messages\",status=\"200\"}"));
        Assert.Equal(1, Sample(text, "actionbot_discord_call_duration_seconds_count{method=\"POST\",route=\"users/@me/channels\",status=\"200\"}"));
        Assert.Equal(1, Sample(text, "actionbot_discord_call_duration_seconds_count{method=\"PUT\",route=\"applications/{id}/guilds/{id}/commands\",status=\"200\"}"));
        Assert.Equal(2, Sample(text, "actionbot_items_overdue"));
        app.AssertLogsAreClean();
    }

    private static double Sample(string text, string series)
    {
        var match = Regex.Match(text, "^" + Regex.Escape(series) + " (\\S+)$", RegexOptions.Multiline);
        Assert.True(match.Success, $"{series} is not in the scrape:\n{text}");
        return double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }
}
