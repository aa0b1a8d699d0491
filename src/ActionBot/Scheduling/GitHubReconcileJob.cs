using ActionBot.Core.Ports;
using ActionBot.Core.Tracking;
using Hangfire;

namespace ActionBot.Scheduling;

/// <summary>
/// At start and then every <c>Maintenance:ReconcileEvery</c> (hourly): finishes what a crash left undone (unopened
/// issues, promised effects such as an announcement: <see cref="PostmortemIngestion.RecoverAsync"/>), and brings items in line with the state of their issues on GitHub (heals missed <c>issues</c> webhooks). In one replica
/// at a time (<see cref="IJobLease"/>): two recoveries at once could both open a missing issue.
/// </summary>
// No automatic retries: a failed pass is logged, not thrown (GitHub may be down), and the next pass is its retry;
// Hangfire's would call a failing GitHub again on a back-off of its own.
[AutomaticRetry(Attempts = 0)]
public sealed partial class GitHubReconcileJob(
    PostmortemIngestion ingestion,
    IssueStateReconciler reconciler,
    IJobLease leases,
    ILogger<GitHubReconcileJob> logger)
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            var (ran, counts) = await ExclusiveRun.RunAsync(
                leases,
                nameof(GitHubReconcileJob),
                logger,
                async () => ((await ingestion.RecoverAsync(cancellationToken)).Count, await reconciler.ReconcileAsync(cancellationToken)),
                cancellationToken);
            if (ran)
            {
                Log.Ran(logger, counts.Item1, counts.Item2);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // GitHub may be down; the next pass tries again, and nothing is lost meanwhile.
            Log.Failed(logger, e);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 5200, Level = LogLevel.Information, Message = "GitHub reconcile: {Recovered} unopened issue(s) opened, {Reconciled} issue state(s) read")]
        public static partial void Ran(ILogger logger, int recovered, int reconciled);

        [LoggerMessage(EventId = 5201, Level = LogLevel.Warning, Message = "GitHub reconcile failed; the next pass tries again")]
        public static partial void Failed(ILogger logger, Exception error);
    }
}
