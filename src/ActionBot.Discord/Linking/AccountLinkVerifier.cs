using ActionBot.Core.Identity;
using ActionBot.Discord.Outbox;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ActionBot.Discord.Linking;

/// <summary>
/// Polls the claims that wait for GitHub, each at the interval GitHub set (<see cref="AccountLinking"/>), and tells each
/// person by direct message how their claim ended, through the outbox (once, across restarts), before the claim is
/// removed. Claims live in storage: after a restart they are polled again, or expire.
/// </summary>
public sealed partial class AccountLinkVerifier(
    AccountLinking linking,
    DiscordChatNotifier notifier,
    TimeProvider time,
    ILogger<AccountLinkVerifier> logger) : BackgroundService
{
    /// <summary>
    /// The longest wait between looks at storage: claims made by another replica, or left by one that died, are polled
    /// here too, a little late at worst. A claim made here wakes the loop at once (<see cref="Wake"/>).
    /// </summary>
    public static readonly TimeSpan IdleLook = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan ShortestWait = TimeSpan.FromMilliseconds(100);
    private readonly OutboxSignal _claimed = new(); // the same wake-up the outbox sender uses

    /// <summary>A claim was stored: look again now rather than at the end of the current wait.</summary>
    public void Wake() => _claimed.Pulse();

    /// <summary>Polls every claim that is due now; returns how many polls were made. Claims are atomic, so running beside the loop polls nothing twice.</summary>
    public async Task<int> PollDueAsync(CancellationToken cancellationToken)
    {
        var polls = 0;
        while (await linking.PollNextAsync(cancellationToken).ConfigureAwait(false) is { } poll)
        {
            polls++;
            if (poll.Outcome is not { } outcome)
            {
                continue;
            }

            var request = outcome.Request;
            await notifier.DirectMessageAsync(request.OutcomeKey, request.ChatUserId, LinkMessages.Outcome(outcome), cancellationToken).ConfigureAwait(false);
            await linking.FinishAsync(request, cancellationToken).ConfigureAwait(false);
            Log.Ended(logger, request.ChatUserId, request.GitHubLogin, outcome.Status, outcome.SignedInAs);
        }

        return polls;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!linking.CanVerify)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await PollDueAsync(stoppingToken).ConfigureAwait(false);
                var next = await linking.NextPollAtAsync(stoppingToken).ConfigureAwait(false);
                var wait = next is { } at ? at - time.GetUtcNow() : IdleLook;
                await _claimed.WaitAsync(wait < ShortestWait ? ShortestWait : wait > IdleLook ? IdleLook : wait, time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // Storage unavailable: the claims stay stored and are polled when it is back (or expire).
                Log.PollingFailed(logger, ex);
                await Task.Delay(IdleLook, time, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 4500, Level = LogLevel.Information, Message = "Discord user {UserId}'s claim of GitHub login {Login} ended: {Outcome} (GitHub said {SignedInAs} signed in)")]
        public static partial void Ended(ILogger logger, string userId, string login, LinkOutcomeStatus outcome, string? signedInAs);

        [LoggerMessage(EventId = 4501, Level = LogLevel.Error, Message = "Polling GitHub for account links failed; trying again shortly")]
        public static partial void PollingFailed(ILogger logger, Exception exception);
    }
}
