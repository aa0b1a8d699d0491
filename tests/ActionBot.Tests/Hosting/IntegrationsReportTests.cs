using ActionBot.Hosting;
using ActionBot.Tests.Infrastructure;

namespace ActionBot.Tests.Hosting;

/// <summary>The one block logged at start: what is on, what is off for lack of which keys, what the scheduler runs, and where to read more.</summary>
public sealed class IntegrationsReportTests : IntegrationTest
{
    public IntegrationsReportTests() => UsesDiscord = true;

    [Fact]
    public async Task A_bare_start_names_the_missing_keys_and_where_to_read_how_to_turn_them_on()
    {
        await using var app = await ServeApplication.StartAsync();

        var report = Assert.Single(app.Logs.Entries, e => e.EventId.Id == 2300).Message;

        Assert.Contains($"Dashboard   {app.Address.AbsoluteUri.TrimEnd('/')}/", report, StringComparison.Ordinal);
        Assert.Contains("Storage     Sqlite, as ActionBot:Storage:ConnectionString says", report, StringComparison.Ordinal);
        Assert.Contains("GitHub      off: ActionBot:GitHub:Token (or AppId, PrivateKeyPath and InstallationId) and ActionBot:GitHub:Repositories:0:Name not set", report, StringComparison.Ordinal);
        Assert.Contains("Webhooks    off: ActionBot:GitHub:WebhookSecret is not set", report, StringComparison.Ordinal);
        Assert.Contains("Discord     off: ActionBot:Discord:ApplicationId, ActionBot:Discord:PublicKey, ActionBot:Discord:BotToken not set", report, StringComparison.Ordinal);
        Assert.Contains("Scheduler   Hangfire, in-memory job store (Hangfire.InMemory; jobs are registered again at each start)\n", report, StringComparison.Ordinal);
        Assert.Contains("ReminderSweepJob: every 00:05:00 (cron '0 */5 * * * *' in UTC); next run ", report, StringComparison.Ordinal);
        Assert.Contains("WeeklyDigestJob: cron '0 0 9 ? * MON' in UTC; next run ", report, StringComparison.Ordinal);
        Assert.Contains("OutboxRetryJob: every 00:01:00 (cron '0 */1 * * * *' in UTC)", report, StringComparison.Ordinal);
        Assert.DoesNotContain("GitHubReconcileJob", report, StringComparison.Ordinal);
        Assert.Contains(IntegrationsReport.HowTo, report, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Configured_GitHub_and_Discord_are_reported_on_without_any_secret_value_and_a_repository_without_a_channel_is_named_by_its_key()
    {
        var app = await StartBotAsync(s =>
        {
            s["ActionBot:Discord:DefaultChannelId"] = null;
            s["ActionBot:GitHub:Repositories:1:Name"] = "acme/handbook";
            s["ActionBot:GitHub:Repositories:1:DiscordChannelId"] = "1180000000000000009";
        });

        var report = Assert.Single(app.Logs.Entries, e => e.EventId.Id == 2300).Message;

        Assert.Contains("GitHub      on: 2 repositories watched", report, StringComparison.Ordinal);
        Assert.Contains("Webhooks    on", report, StringComparison.Ordinal);
        Assert.Contains(
            "Discord     on: POST /interactions/discord, commands in the guild of ActionBot:Discord:GuildId; no channel for 1 repository: set ActionBot:GitHub:Repositories:0:DiscordChannelId or ActionBot:Discord:DefaultChannelId",
            report,
            StringComparison.Ordinal);
        Assert.Contains("Links       /postmortem link confirmed by GitHub's device flow (ActionBot:GitHub:ClientId)", report, StringComparison.Ordinal);
        Assert.Contains("GitHubReconcileJob: every 23:59:59 (no cron says it: triggered one interval after the last run); next run ", report, StringComparison.Ordinal);
        Assert.Contains("WeeklyDigestJob: off (ActionBot:Reminders:DigestCron is empty)", report, StringComparison.Ordinal);
        foreach (var secret in new[] { ActionBotApplication.WebhookSecret, Testing.GitHub.FakeGitHubServer.DefaultToken, Testing.Discord.FakeDiscordServer.BotToken, "1180000000000000009" })
        {
            Assert.DoesNotContain(secret, report, StringComparison.Ordinal);
        }
    }
}
