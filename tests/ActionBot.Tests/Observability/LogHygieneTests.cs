using System.Net;
using ActionBot.Hosting;
using ActionBot.Testing.GitHub.Webhooks;
using ActionBot.Tests.Infrastructure;
using static ActionBot.Tests.Infrastructure.SamplePostmortems;

namespace ActionBot.Tests.Observability;

/// <summary>Over a whole flow (start, report, webhooks good and forged, issues opened, dashboard, API, metrics), no configured secret reaches a log line.</summary>
public sealed class LogHygieneTests : IntegrationTest
{
    private const string DiscordBotToken = "MTE4MDAwMDAwMDAwMDAwMDAwMA.discord-bot-token-secret";
    private const string DiscordPublicKey = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    private const string ReadToken = "read-token-for-log-hygiene-5d1c";

    [Fact]
    public async Task No_configured_secret_appears_in_any_log_line_of_a_full_flow()
    {
        var app = await StartBotAsync(settings =>
        {
            settings["ActionBot:Discord:ApplicationId"] = "1180000000000000000";
            settings["ActionBot:Discord:PublicKey"] = DiscordPublicKey;
            settings["ActionBot:Discord:BotToken"] = DiscordBotToken;
            settings["ActionBot:Dashboard:ReadToken"] = ReadToken;
        });
        app.Client.DefaultRequestHeaders.Authorization = new("Bearer", ReadToken);

        using var merged = await app.PostWebhookAsync("pull_request", MergedPullRequest.Seed(GitHub, 42, Both));
        await app.DrainAsync();
        using var forged = await app.Client.PostWebhookAsync("pull_request", "{}"u8.ToArray(), ReadToken);
        using var page = await app.Client.GetAsync(new Uri("/?owner=x", UriKind.Relative));
        using var api = await app.Client.GetAsync(new Uri("/api/action-items?state=all", UriKind.Relative));
        using var metrics = await app.Client.GetAsync(new Uri("/metrics", UriKind.Relative));
        app.Client.DefaultRequestHeaders.Authorization = new("Bearer", "wrong-" + ReadToken);
        using var refused = await app.Client.GetAsync(new Uri("/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Accepted, merged.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
        Assert.Equal(HttpStatusCode.OK, metrics.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal(5, Repository.ActionItemIssues.Count);
        Assert.Contains(app.Logs.Entries, e => e.EventId.Id == 2300 && e.Category == typeof(IntegrationsReport).FullName);
        app.AssertLogsAreClean();
        foreach (var secret in new[] { DiscordBotToken, DiscordPublicKey, ReadToken })
        {
            Assert.DoesNotContain(app.Logs.Entries, e => e.FullText.Contains(secret, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Text_of_a_postmortem_reaches_the_log_without_control_characters()
    {
        var app = await StartBotAsync();
        var path = "postmortems/2025-03-05-\u001b[31mred\u001b[0m.md";
        var markdown = """
            # Forged log lines (March 5, 2025)

            ## Action items

            | Action | Owner | Due |
            | --- | --- | --- |
            | Rotate the keys | @octocat | {ESC}[2J{ESC}[Hnext sprint |

            """.Replace("{ESC}", "\u001b", StringComparison.Ordinal);

        using var merged = await app.PostWebhookAsync("pull_request", MergedPullRequest.Seed(GitHub, 42, [new(path, markdown)]));
        await app.DrainAsync();

        Assert.Equal(HttpStatusCode.Accepted, merged.StatusCode);
        var warning = Assert.Single(app.Logs.Entries, e => e.EventId.Id == 1303);
        Assert.StartsWith("postmortems/2025-03-05-\\u001B[31mred\\u001B[0m.md:7: ", warning.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(app.Logs.Entries, e => e.FullText.Contains((char)27));
        app.AssertLogsAreClean();
    }
}
