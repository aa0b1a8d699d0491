using Hangfire;
using Hangfire.Server;
using Hangfire.Storage;

namespace ActionBot.Scheduling;

/// <summary>
/// Runs the recurring jobs whose interval no cron expression says (<see cref="JobSchedule.IsTriggered"/>, registered
/// with <see cref="Cron.Never"/>): a process of every Hangfire server that triggers such a job once its interval has
/// passed since its last run as the store recorded it, and sleeps until the next one is due. Replicas sharing a store
/// see one another's runs; each check and trigger is made under a distributed lock held for milliseconds (not long
/// enough for Hangfire.PostgreSql's lock to expire under it), and a run that happens twice anyway meets the job's lease.
/// Hangfire's clock, the system's, is the one compared with the store's times: never the bot's <see cref="TimeProvider"/>.
/// </summary>
public sealed class IntervalTrigger(IEnumerable<ScheduledJob> jobs, IRecurringJobManagerV2 recurringJobs) : IBackgroundProcess
{
    // The longest sleep: a replica that has not run a job sees within this long that another one stopped running it.
    private static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan LockTimeout = TimeSpan.FromSeconds(30);

    private readonly List<ScheduledJob> _jobs = [.. jobs.Where(j => j.Schedule.IsTriggered)];

    public void Execute(BackgroundProcessContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var wait = MaxWait;
        if (_jobs.Count > 0)
        {
            using var connection = context.Storage.GetConnection();
            foreach (var job in _jobs)
            {
                wait = Min(wait, TriggerIfDue(connection, job));
            }
        }

        context.Wait(wait);
    }

    /// <summary>When <paramref name="job"/>, last run at <paramref name="lastRun"/> (null: never), is next due, seen at <paramref name="now"/>: zero when due now.</summary>
    public static TimeSpan DueIn(DateTime? lastRun, TimeSpan interval, DateTime now) =>
        lastRun is { } last && last + interval > now ? last + interval - now : TimeSpan.Zero;

    // Returns how long until the job is due again.
    private TimeSpan TriggerIfDue(IStorageConnection connection, ScheduledJob job)
    {
        var interval = job.Schedule.Interval!.Value;
        if (!TryReadLastRun(connection, job.Id, out var lastRun))
        {
            return MaxWait;
        }

        var dueIn = DueIn(lastRun, interval, Now());
        if (dueIn > TimeSpan.Zero)
        {
            return dueIn;
        }

        using (connection.AcquireDistributedLock("actionbot:interval-trigger:" + job.Id, LockTimeout))
        {
            // Read again under the lock: another replica may have triggered it meanwhile.
            if (TryReadLastRun(connection, job.Id, out lastRun) && DueIn(lastRun, interval, Now()) == TimeSpan.Zero)
            {
                recurringJobs.TriggerJob(job.Id);
            }
        }

        return interval;
    }

    // False when the job is not in the store (switched off and removed meanwhile): it is not triggered again.
    private static bool TryReadLastRun(IStorageConnection connection, string id, out DateTime? lastRun)
    {
        var recorded = connection.GetRecurringJobs([id]).SingleOrDefault();
        lastRun = recorded?.LastExecution;
        return recorded is { Removed: false };
    }

    // Hangfire's clock: the one that wrote LastExecution.
    private static DateTime Now() => TimeProvider.System.GetUtcNow().UtcDateTime;

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
