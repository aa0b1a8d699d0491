using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ActionBot.Core.Coordination;
using ActionBot.Core.Observability;
using ActionBot.Core.Ports;
using ActionBot.Discord.Api;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ActionBot.Discord.Outbox;

/// <summary>
/// Sends what <see cref="DiscordChatNotifier"/> stored: claims due messages (with a lease, so a crashed sender's
/// claim comes back), opens DM channels, posts each page with a nonce derived from the message key (a page Discord
/// created before failing is not created again), and marks the message sent. Discord down or slow: tried again
/// later with growing back-off; refused for good (a 4xx): kept as failed, with the reason.
/// </summary>
public sealed partial class DiscordOutboxSender(
    IChatOutbox outbox,
    DiscordClient client,
    OutboxSignal signal,
    IOptions<DiscordOptions> options,
    TimeProvider time,
    ICrashPoints crashPoints,
    ILogger<DiscordOutboxSender> logger,
    ActionBotMetrics? metrics = null) : BackgroundService, IPendingWorkRetrier
{
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromMinutes(10);

    /// <summary>Sends every message that is due now; returns how many were handled (sent, failed or put back).</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        var handled = 0;
        while (await outbox.ClaimNextAsync(time.GetUtcNow(), Lease, cancellationToken).ConfigureAwait(false) is { } message)
        {
            await SendAsync(message, cancellationToken).ConfigureAwait(false);
            handled++;
        }

        return handled;
    }

    /// <summary>The retry job's entry: claims are leased, so running beside the sender loop sends nothing twice.</summary>
    public Task<int> RetryPendingAsync(DateTimeOffset now, CancellationToken cancellationToken) => SendDueAsync(cancellationToken);

    /// <summary>A short nonce (Discord allows 25 characters) that is the same for the same page of the same message.</summary>
    public static string Nonce(string key, int page) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{key}#{page}")))[..24];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await SendDueAsync(stoppingToken).ConfigureAwait(false);
                await signal.WaitAsync(options.Value.OutboxPollInterval, time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // Storage unavailable: nothing is lost (messages stay in the outbox); look again later.
                Log.OutboxUnavailable(logger, ex);
                await Task.Delay(options.Value.OutboxPollInterval, time, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    private async Task SendAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        using var scope = logger.BeginScope("DiscordMessage:{Key}", message.Key);
        OutboxPayload payload;
        try
        {
            payload = JsonSerializer.Deserialize(message.Payload, DiscordJsonContext.Default.OutboxPayload)
                ?? throw new JsonException("The payload is null.");
        }
        catch (JsonException ex)
        {
            await FailAsync(message, $"unreadable payload: {ex.Message}", cancellationToken).ConfigureAwait(false);
            return;
        }

        try
        {
            var channelId = payload.UserId is { } userId
                ? await client.OpenDmChannelAsync(userId, cancellationToken).ConfigureAwait(false)
                : payload.ChannelId ?? throw new InvalidOperationException("The payload names neither a channel nor a user.");
            var mentions = AllowedMentions.OnlyUsers(payload.AllowedUsers);
            for (var page = 0; page < payload.Pages.Count; page++)
            {
                await client.CreateMessageAsync(channelId, payload.Pages[page], mentions, Nonce(message.Key, page), cancellationToken).ConfigureAwait(false);
                await crashPoints.ReachedAsync(CrashPoint.ChatPageSent, cancellationToken).ConfigureAwait(false);
            }

            await outbox.MarkSentAsync(message.Key, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            var loggedKey = LogText.Sanitize(message.Key)!;
            Log.Sent(logger, loggedKey, message.Destination, payload.Pages.Count, message.Attempts);
            metrics?.ChatMessage(message.Key, "sent");
        }
        catch (Exception ex) when (DiscordResilience.IsTransient(ex) && !cancellationToken.IsCancellationRequested)
        {
            var retryAt = time.GetUtcNow() + Backoff(message.Attempts, (ex as DiscordRateLimitException)?.RetryAfter);
            var (loggedKey, reason) = (LogText.Sanitize(message.Key)!, LogText.Sanitize(ex.Message)!);
            Log.RetryLater(logger, loggedKey, message.Attempts, retryAt, reason);
            await outbox.RetryLaterAsync(message.Key, ex.Message, retryAt, cancellationToken).ConfigureAwait(false);
            metrics?.ChatMessage(message.Key, "retried");
        }
        catch (Exception ex) when (ex is DiscordApiException or InvalidOperationException)
        {
            await FailAsync(message, ex.Message, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task FailAsync(OutgoingMessage message, string reason, CancellationToken cancellationToken)
    {
        var (loggedKey, loggedReason) = (LogText.Sanitize(message.Key)!, LogText.Sanitize(reason)!);
        Log.Refused(logger, loggedKey, message.Destination, loggedReason);
        await outbox.FailAsync(message.Key, reason, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        metrics?.ChatMessage(message.Key, "failed");
    }

    private TimeSpan Backoff(int attempts, TimeSpan? retryAfter)
    {
        var delay = RetryBackoff.Exponential(attempts, options.Value.RetryBaseDelay, MaxBackoff);
        return retryAfter is { } wait && wait > delay ? (wait < MaxBackoff ? wait : MaxBackoff) : delay;
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 4310, Level = LogLevel.Information, Message = "Discord message {Key} sent to {Destination} ({Pages} page(s), attempt {Attempt})")]
        public static partial void Sent(ILogger logger, string key, string destination, int pages, int attempt);

        [LoggerMessage(EventId = 4311, Level = LogLevel.Warning, Message = "Discord message {Key} not sent (attempt {Attempt}): {Reason}; trying again at {RetryAt:O}")]
        public static partial void RetryLater(ILogger logger, string key, int attempt, DateTimeOffset retryAt, string reason);

        [LoggerMessage(EventId = 4312, Level = LogLevel.Error, Message = "Discord refused message {Key} to {Destination} for good: {Reason}; kept as failed")]
        public static partial void Refused(ILogger logger, string key, string destination, string reason);

        [LoggerMessage(EventId = 4313, Level = LogLevel.Warning, Message = "The chat outbox could not be read; looking again later")]
        public static partial void OutboxUnavailable(ILogger logger, Exception exception);
    }
}
