using ActionBot.Core.Tracking;
using Microsoft.Extensions.Options;

namespace ActionBot.Hosting;

/// <summary>How often tracked issues are compared with GitHub (<c>ActionBot:Maintenance</c>).</summary>
public sealed class MaintenanceOptions
{
    public const string SectionName = "ActionBot:Maintenance";

    /// <summary>A missed <c>issues</c> webhook heals within this long.</summary>
    public TimeSpan ReconcileEvery { get; set; } = TimeSpan.FromHours(1);
}

/// <summary>
/// At start and then every <see cref="MaintenanceOptions.ReconcileEvery"/>: opens issues that a crash left
/// unopened, and brings items in line with the state of their issues on GitHub. (The reminders issue moves
/// this onto the job scheduler.)
/// </summary>
public sealed partial class MaintenanceWorker(
    PostmortemIngestion ingestion,
    IssueStateReconciler reconciler,
    TimeProvider time,
    IOptions<MaintenanceOptions> options,
    ILogger<MaintenanceWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.ReconcileEvery, time);
        do
        {
            await RunOnceAsync(stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        try
        {
            var recovered = await ingestion.RecoverAsync(cancellationToken);
            var reconciled = await reconciler.ReconcileAsync(cancellationToken);
            Log.Ran(logger, recovered.Count, reconciled);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // GitHub may be down; the next pass tries again, and nothing is lost meanwhile.
            Log.Failed(logger, e);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 2100, Level = LogLevel.Information, Message = "Maintenance: {Recovered} unopened issue(s) opened, {Reconciled} issue state(s) read")]
        public static partial void Ran(ILogger logger, int recovered, int reconciled);

        [LoggerMessage(EventId = 2101, Level = LogLevel.Warning, Message = "Maintenance pass failed; the next pass tries again")]
        public static partial void Failed(ILogger logger, Exception error);
    }
}
