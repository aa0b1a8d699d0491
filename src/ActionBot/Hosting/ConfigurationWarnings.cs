using ActionBot.GitHub.Webhooks;
using ActionBot.Scheduling;
using Microsoft.Extensions.Options;

namespace ActionBot.Hosting;

/// <summary>
/// Settings that work but look like mistakes for a production team: accepted, with a warning at start-up naming the key
/// (INTERFACES §3). Never the value of a secret, only its length.
/// </summary>
public sealed partial class ConfigurationWarnings(
    IOptions<ReminderOptions> reminders, IOptionsMonitor<GitHubWebhookOptions> webhooks, ILogger<ConfigurationWarnings> logger) : IHostedService
{
    /// <summary>
    /// GitHub advises "a random string of text with high entropy" (its example: 20 random bytes as hex, 40 characters).
    /// Below 32 characters, under 128 bits even as hex, a secret can be guessed offline from one signed delivery.
    /// </summary>
    public const int ShortestAdvisedSecret = 32;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var repeat = reminders.Value.RepeatEvery;
        if (repeat < ReminderOptions.ShortestUsualRepeat)
        {
            Log.ShortRepeat(logger, repeat);
        }

        if (webhooks.CurrentValue.WebhookSecret is { Length: > 0 and < ShortestAdvisedSecret } secret)
        {
            Log.ShortSecret(logger, secret.Length, ShortestAdvisedSecret);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static partial class Log
    {
        [LoggerMessage(EventId = 2310, Level = LogLevel.Warning, Message = "ActionBot:Reminders:RepeatEvery is {RepeatEvery}: overdue items are reminded that often. Under an hour suits a trial, not a team")]
        public static partial void ShortRepeat(ILogger logger, TimeSpan repeatEvery);

        [LoggerMessage(EventId = 2311, Level = LogLevel.Warning, Message = "ActionBot:GitHub:WebhookSecret is {Length} characters; GitHub advises a long random secret (at least {Advised}: openssl rand -hex 32). A short one can be guessed and deliveries forged")]
        public static partial void ShortSecret(ILogger logger, int length, int advised);
    }
}
