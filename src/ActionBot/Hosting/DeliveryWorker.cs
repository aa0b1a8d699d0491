using ActionBot.Core.Ports;
using ActionBot.GitHub.Api;
using ActionBot.GitHub.Processing;
using Microsoft.Extensions.Options;

namespace ActionBot.Hosting;

/// <summary>How the background worker treats stored webhook deliveries (<c>ActionBot:Deliveries</c>).</summary>
public sealed class DeliveryWorkerOptions
{
    public const string SectionName = "ActionBot:Deliveries";

    /// <summary>How often the inbox is looked at when nothing wakes the worker (deliveries waiting to be retried).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a claimed delivery belongs to this worker; after a crash it is claimed again once this runs out.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>First retry delay; doubled after each failure, at most <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(10);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>After this many failed attempts a delivery is set aside as failed, with its error, for people to look at.</summary>
    public int MaxAttempts { get; set; } = 12;
}

/// <summary>
/// Processes the durable inbox of webhook deliveries one at a time, so work for one postmortem never races
/// itself. Woken by each new delivery; polls for retries. Deliveries left claimed by a crash come back
/// when their lease runs out.
/// </summary>
public sealed partial class DeliveryWorker(
    IDeliveryInbox inbox,
    GitHubDeliveryProcessor processor,
    DeliverySignal signal,
    TimeProvider time,
    IOptions<DeliveryWorkerOptions> options,
    ILogger<DeliveryWorker> logger) : BackgroundService
{
    private readonly DeliveryWorkerOptions _options = options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var wake = signal.Next;
            await DrainAsync(stoppingToken);
            await Task.WhenAny(wake, Task.Delay(_options.PollInterval, time, stoppingToken));
        }
    }

    /// <summary>Processes every delivery that is due now; returns how many were handled.</summary>
    public async Task<int> DrainAsync(CancellationToken cancellationToken)
    {
        var handled = 0;
        while (!cancellationToken.IsCancellationRequested
            && await inbox.ClaimNextAsync(time.GetUtcNow(), _options.Lease, cancellationToken) is { } delivery)
        {
            await ProcessAsync(delivery, cancellationToken);
            handled++;
        }

        return handled;
    }

    private async Task ProcessAsync(InboxDelivery delivery, CancellationToken cancellationToken)
    {
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["DeliveryId"] = delivery.Id });
        try
        {
            await processor.ProcessAsync(delivery, cancellationToken);
            await inbox.CompleteAsync(delivery.Id, time.GetUtcNow(), cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var now = time.GetUtcNow();
            if (delivery.Attempts >= _options.MaxAttempts)
            {
                Log.GaveUp(logger, delivery.Id, delivery.Attempts, e);
                await inbox.FailAsync(delivery.Id, e.Message, now, CancellationToken.None);
                return;
            }

            var retryAt = RetryAt(e, delivery.Attempts, now);
            Log.WillRetry(logger, delivery.Id, delivery.Attempts, retryAt, e.Message);
            await inbox.RetryLaterAsync(delivery.Id, e.Message, retryAt, CancellationToken.None);
        }
    }

    // A spent rate limit says when it resets; anything else backs off exponentially.
    private DateTimeOffset RetryAt(Exception error, int attempts, DateTimeOffset now)
    {
        if (error is GitHubPrimaryRateLimitException { ResetAt: var reset } && reset > now)
        {
            return reset;
        }

        var delay = TimeSpan.FromTicks(Math.Min(_options.MaxRetryDelay.Ticks, _options.RetryBaseDelay.Ticks * (1L << Math.Min(Math.Max(attempts - 1, 0), 20))));
        return now + delay;
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 2000, Level = LogLevel.Warning, Message = "Delivery {DeliveryId} failed on attempt {Attempts}; retrying at {RetryAt}: {Reason}")]
        public static partial void WillRetry(ILogger logger, string deliveryId, int attempts, DateTimeOffset retryAt, string reason);

        [LoggerMessage(EventId = 2001, Level = LogLevel.Error, Message = "Delivery {DeliveryId} failed {Attempts} times and is set aside")]
        public static partial void GaveUp(ILogger logger, string deliveryId, int attempts, Exception error);
    }
}
