using ActionBot.Tests.Infrastructure;
using Microsoft.Extensions.Logging;

namespace ActionBot.Tests.Hosting;

/// <summary>Settings that work but look like mistakes for a production team start the bot with a warning naming the key.</summary>
public sealed class ConfigurationWarningsTests : IntegrationTest
{
    [Fact]
    public async Task A_repeat_interval_under_an_hour_is_accepted_with_a_warning()
    {
        var app = await StartBotAsync(s => s["ActionBot:Reminders:RepeatEvery"] = "00:00:30");

        Assert.Single(Warnings(app), w => w.Contains("ActionBot:Reminders:RepeatEvery", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_webhook_secret_shorter_than_GitHub_advises_is_accepted_with_a_warning_that_does_not_show_it()
    {
        var app = await StartBotAsync(s => s["ActionBot:GitHub:WebhookSecret"] = "abc");

        Assert.Single(Warnings(app), w => w.Contains("ActionBot:GitHub:WebhookSecret", StringComparison.Ordinal));
        Assert.DoesNotContain(Warnings(app), w => w.Contains("abc", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_long_secret_and_a_repeat_of_hours_start_without_either_warning()
    {
        var app = await StartBotAsync(s =>
        {
            s["ActionBot:GitHub:WebhookSecret"] = "9c1f4e2a7b3d5f608e1c2a4b6d8f0e1a3c5e7f9b1d3f5a7c9e1b3d5f7a9c1e3b";
            s["ActionBot:Reminders:RepeatEvery"] = "1.00:00:00";
        });

        Assert.DoesNotContain(Warnings(app), w => w.Contains("WebhookSecret", StringComparison.Ordinal) || w.Contains("RepeatEvery", StringComparison.Ordinal));
    }

    private static List<string> Warnings(ActionBotApplication app) =>
        [.. app.Logs.Entries.Where(e => e.Level == LogLevel.Warning).Select(e => e.FullText)];
}
