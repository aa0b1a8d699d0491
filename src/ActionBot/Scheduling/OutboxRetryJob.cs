using ActionBot.Core.Ports;
using Hangfire;

namespace ActionBot.Scheduling;

/// <summary>Every <c>Maintenance:RetryEvery</c>: gives pending outgoing work (the chat outbox) another try, through each <see cref="IPendingWorkRetrier"/>.</summary>
// No lease: each outbox claims its messages atomically, so runs in several replicas at once send each message once.
// No automatic retries: this job is itself the retry of pending work, every RetryEvery, and logs what failed.
[AutomaticRetry(Attempts = 0)]
public sealed partial class OutboxRetryJob(IEnumerable<IPendingWorkRetrier> retriers, TimeProvider time, ILogger<OutboxRetryJob> logger)
{
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var handled = 0;
        foreach (var retrier in retriers)
        {
            try
            {
                handled += await retrier.RetryPendingAsync(time.GetUtcNow(), cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                Log.Failed(logger, retrier.GetType().Name, e);
            }
        }

        if (handled > 0)
        {
            Log.Retried(logger, handled);
        }

        return handled;
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 5300, Level = LogLevel.Information, Message = "Pending work retried: {Handled} item(s)")]
        public static partial void Retried(ILogger logger, int handled);

        [LoggerMessage(EventId = 5301, Level = LogLevel.Warning, Message = "Retrying pending work in {Retrier} failed")]
        public static partial void Failed(ILogger logger, string retrier, Exception error);
    }
}
