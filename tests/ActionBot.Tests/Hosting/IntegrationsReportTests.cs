using ActionBot.Hosting;
using ActionBot.Tests.Infrastructure;

namespace ActionBot.Tests.Hosting;

/// <summary>The one block logged at start: what is on, what is off for lack of which keys, and where to read more.</summary>
public sealed class IntegrationsReportTests : IntegrationTest
{
    [Fact]
    public async Task A_bare_start_names_the_missing_keys_and_where_to_read_how_to_turn_them_on()
    {
        await using var app = await ServeApplication.StartAsync();

        var report = Assert.Single(app.Logs.Entries, e => e.EventId.Id == 2300).Message;

        Assert.Contains($"Dashboard   {app.Address.AbsoluteUri.TrimEnd('/')}/", report, StringComparison.Ordinal);
        Assert.Contains("GitHub      off: ActionBot:GitHub:Token (or AppId, PrivateKeyPath and InstallationId) and ActionBot:GitHub:Repositories:0:Name not set", report, StringComparison.Ordinal);
        Assert.Contains("Webhooks    off: ActionBot:GitHub:WebhookSecret is not set", report, StringComparison.Ordinal);
        Assert.Contains("Discord     off: ActionBot:Discord:ApplicationId, ActionBot:Discord:PublicKey, ActionBot:Discord:BotToken not set", report, StringComparison.Ordinal);
        Assert.Contains("Scheduler   in-memory", report, StringComparison.Ordinal);
        Assert.Contains(IntegrationsReport.HowTo, report, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_configured_GitHub_is_reported_on_without_any_secret_value()
    {
        var app = await StartBotAsync();

        var report = Assert.Single(app.Logs.Entries, e => e.EventId.Id == 2300).Message;

        Assert.Contains("GitHub      on: 1 repository watched", report, StringComparison.Ordinal);
        Assert.Contains("Webhooks    on", report, StringComparison.Ordinal);
        Assert.DoesNotContain(ActionBotApplication.WebhookSecret, report, StringComparison.Ordinal);
    }
}
