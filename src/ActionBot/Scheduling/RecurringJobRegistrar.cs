using Hangfire;
using Hangfire.Storage;

namespace ActionBot.Scheduling;

/// <summary>
/// At start-up, after storage is migrated and before the Hangfire server starts (hosted services start in registration
/// order): registers each configured <see cref="ScheduledJob"/> as a Hangfire recurring job, removes every other
/// recurring job in the store (a job that configuration switched off, such as the GitHub reconcile without GitHub, or
/// the digest with an empty <c>DigestCron</c>, left there by an earlier run or another replica), and triggers the
/// interval jobs once, so that they run at start, as they always have. Registering is idempotent: every replica
/// registers the same jobs, and the store keeps one of each.
/// </summary>
public sealed partial class RecurringJobRegistrar(
    IEnumerable<ScheduledJob> jobs,
    IRecurringJobManagerV2 recurringJobs,
    ILoggerFactory loggers,
    ILogger<RecurringJobRegistrar> logger) : IHostedService
{
    /// <summary>The background jobs triggered at start (their Hangfire ids).</summary>
    public IReadOnlyList<string> TriggeredAtStart { get; private set; } = [];

    public Task StartAsync(CancellationToken cancellationToken)
    {
        using var logScope = HangfireLogRouter.Enter(loggers);
        var configured = jobs.ToList();
        foreach (var job in configured)
        {
            recurringJobs.AddOrUpdate(job.Id, job.Job, job.Schedule.Cron, new RecurringJobOptions { TimeZone = job.Schedule.TimeZone });
            var schedule = job.Schedule.Describe();
            Log.Registered(logger, job.Id, schedule);
        }

        using (var connection = recurringJobs.Storage.GetConnection())
        {
            foreach (var stale in connection.GetRecurringJobs().Select(j => j.Id).Except(configured.Select(j => j.Id), StringComparer.Ordinal).ToList())
            {
                recurringJobs.RemoveIfExists(stale);
                Log.Removed(logger, stale);
            }
        }

        TriggeredAtStart = [.. configured.Where(j => j.Schedule.Interval is not null).Select(j => recurringJobs.TriggerJob(j.Id)).OfType<string>()];

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static partial class Log
    {
        [LoggerMessage(EventId = 5400, Level = LogLevel.Information, Message = "Scheduled {Job}: {Schedule}")]
        public static partial void Registered(ILogger logger, string job, string schedule);

        [LoggerMessage(EventId = 5401, Level = LogLevel.Information, Message = "Removed the recurring job {Job}: configuration no longer schedules it")]
        public static partial void Removed(ILogger logger, string job);
    }
}
