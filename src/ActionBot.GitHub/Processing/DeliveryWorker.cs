using ActionBot.Core.Coordination;
using ActionBot.Core.Observability;
using ActionBot.Core.Ports;
using ActionBot.GitHub.Api;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ActionBot.GitHub.Processing;

/// <summary>
/// Processes the durable inbox of webhook deliveries one at a time, so work for one postmortem never races
/// itself. Woken by each new delivery; polls for retries. Deliveries left claimed by a crash come back at once when
/// the process restarts (storage takes back its own claims before this starts: ClaimOwner), else when their lease
/// runs out (a replica gone for good). Between drains, at most hourly, it forgets done deliveries older than
/// <see cref="DeliveryWorkerOptions.KeepDoneFor"/>.
/// </summary>
public sealed partial class DeliveryWorker(
    IDeliveryInbox inbox,
    GitHubDeliveryProcessor processor,
    DeliverySignal signal,
    TimeProvider time,
    ICrashPoints crashPoints,
    IOptions<DeliveryWorkerOptions> options,
    ILogger<DeliveryWorker> logger) : BackgroundService
{
    private static readonly TimeSpan PruneEvery = TimeSpan.FromHours(1);
    private readonly DeliveryWorkerOptions _options = options.Value;
    private DateTimeOffset _nextPruneAt = DateTimeOffset.MinValue;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var (_, wake) = await DrainCoreAsync(stoppingToken);
            await PruneIfDueAsync(stoppingToken);
            if (await Task.WhenAny(wake, Task.Delay(_options.PollInterval, time, stoppingToken)) == wake && _options.SettleDelay > TimeSpan.Zero)
            {
                await Task.Delay(_options.SettleDelay, time, stoppingToken);
            }
        }
    }

    /// <summary>Deletes done deliveries older than <see cref="DeliveryWorkerOptions.KeepDoneFor"/>, unless that ran less than an hour ago.</summary>
    public async Task PruneIfDueAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (now < _nextPruneAt)
        {
            return;
        }

        _nextPruneAt = now + PruneEvery;
        try
        {
            var pruned = await inbox.PruneDoneAsync(now - _options.KeepDoneFor, cancellationToken);
            if (pruned > 0)
            {
                Log.Pruned(logger, pruned);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Only housekeeping: the next one (in an hour) tries again, and nothing waits on it meanwhile.
            Log.PruneFailed(logger, e);
        }
    }

    /// <summary>Processes every delivery that is due now; returns how many were handled.</summary>
    public async Task<int> DrainAsync(CancellationToken cancellationToken) => (await DrainCoreAsync(cancellationToken)).Handled;

    /// <summary>
    /// Drains the inbox, a batch at a time, and returns, with the count, the wake-up to wait on: the one taken just
    /// before the claim that found nothing. A delivery stored before that claim began is seen by it; one stored after
    /// completes that wake-up. Taken once before the whole drain instead, every delivery that arrived while the worker
    /// was busy (and was then claimed in the same drain) woke it again for a second drain that claimed nothing.
    /// </summary>
    private async Task<(int Handled, Task Wake)> DrainCoreAsync(CancellationToken cancellationToken)
    {
        var handled = 0;
        while (true)
        {
            var wake = signal.Next;
            if (cancellationToken.IsCancellationRequested)
            {
                return (handled, wake);
            }

            var batch = await inbox.ClaimBatchAsync(time.GetUtcNow(), _options.Lease, _options.ClaimBatchSize, cancellationToken);
            if (batch.Count == 0)
            {
                return (handled, wake);
            }

            handled += await ProcessBatchAsync(batch, cancellationToken);
        }
    }

    /// <summary>
    /// Processes a claimed batch in order and completes the processed ones together. A delivery that fails is put
    /// back (or set aside) at once, alone. On shutdown, the ones not started yet are put back due now, so a restart
    /// takes them at once instead of after their lease; the ones already processed are still completed. Processed
    /// ones wait for the batch's completion, so a crash mid-batch processes them again: processing is idempotent
    /// already (a crash between processing and completing always could do that).
    /// </summary>
    private async Task<int> ProcessBatchAsync(IReadOnlyList<InboxDelivery> batch, CancellationToken cancellationToken)
    {
        var done = new List<string>(batch.Count);
        var started = 0;
        try
        {
            while (started < batch.Count && !cancellationToken.IsCancellationRequested)
            {
                // Claims, routing and completions run synchronously for the most part: without a yield, a batch
                // would hold its thread-pool thread, and on one core the acknowledgements queued behind it, for the
                // whole batch. Yielding puts them first, so each waits at most for one delivery.
                await Task.Yield();
                var delivery = batch[started++];
                if (await ProcessAsync(delivery, cancellationToken))
                {
                    done.Add(delivery.Id);
                }
            }
        }
        finally
        {
            if (done.Count > 0)
            {
                await inbox.CompleteAsync(done, time.GetUtcNow(), CancellationToken.None);
            }

            // One interrupted mid-way stays claimed, as after a crash: its lease tells when to look at it again.
            for (; started < batch.Count; started++)
            {
                await inbox.RetryLaterAsync(batch[started].Id, "not started: the worker stopped", time.GetUtcNow(), CancellationToken.None);
            }
        }

        return batch.Count;
    }

    /// <summary>Processes one delivery; true when it succeeded (to be completed), false when it was put back or set aside.</summary>
    private async Task<bool> ProcessAsync(InboxDelivery delivery, CancellationToken cancellationToken)
    {
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["DeliveryId"] = delivery.Id });
        if (delivery.Attempts > _options.MaxAttempts)
        {
            // Every attempt ends in a retry or, at the last, a verdict: more claims than attempts means runs that died
            // with it in hand. Taken back at once at each restart, one that kills the process would do so forever.
            Log.DiedWith(logger, delivery.Id, delivery.Attempts, _options.MaxAttempts);
            await inbox.FailAsync(delivery.Id, $"claimed {delivery.Attempts} times for {_options.MaxAttempts} attempts: the process stopped while working on it", time.GetUtcNow(), CancellationToken.None);
            return false;
        }

        try
        {
            await processor.ProcessAsync(delivery, cancellationToken);
            await crashPoints.ReachedAsync(CrashPoint.DeliveryProcessed, cancellationToken);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var now = time.GetUtcNow();
            if (delivery.Attempts >= _options.MaxAttempts)
            {
                Log.GaveUp(logger, delivery.Id, delivery.Attempts, e);
                await inbox.FailAsync(delivery.Id, e.Message, now, CancellationToken.None);
                return false;
            }

            var retryAt = RetryAt(e, delivery.Attempts, now);
            var reason = LogText.Sanitize(e.Message)!;
            Log.WillRetry(logger, delivery.Id, delivery.Attempts, retryAt, reason);
            await inbox.RetryLaterAsync(delivery.Id, e.Message, retryAt, CancellationToken.None);
            return false;
        }
    }

    // A rate limit beyond the chain's patience says when GitHub takes calls again; anything else backs off exponentially.
    private DateTimeOffset RetryAt(Exception error, int attempts, DateTimeOffset now)
    {
        if (error is GitHubRateLimitException { RetryAt: var reset } && reset > now)
        {
            return reset;
        }

        return now + RetryBackoff.Exponential(attempts, _options.RetryBaseDelay, _options.MaxRetryDelay);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 2000, Level = LogLevel.Warning, Message = "Delivery {DeliveryId} failed on attempt {Attempts}; retrying at {RetryAt}: {Reason}")]
        public static partial void WillRetry(ILogger logger, string deliveryId, int attempts, DateTimeOffset retryAt, string reason);

        [LoggerMessage(EventId = 2001, Level = LogLevel.Error, Message = "Delivery {DeliveryId} failed {Attempts} times and is set aside")]
        public static partial void GaveUp(ILogger logger, string deliveryId, int attempts, Exception error);

        [LoggerMessage(EventId = 2004, Level = LogLevel.Error, Message = "Delivery {DeliveryId} was claimed {Attempts} times for {MaxAttempts} attempts: the process stopped while working on it; set aside without processing it again")]
        public static partial void DiedWith(ILogger logger, string deliveryId, int attempts, int maxAttempts);

        [LoggerMessage(EventId = 2002, Level = LogLevel.Information, Message = "Forgot {Count} done webhook deliveries past their keeping time")]
        public static partial void Pruned(ILogger logger, int count);

        [LoggerMessage(EventId = 2003, Level = LogLevel.Warning, Message = "Deleting old done webhook deliveries failed; trying again in an hour")]
        public static partial void PruneFailed(ILogger logger, Exception error);
    }
}
