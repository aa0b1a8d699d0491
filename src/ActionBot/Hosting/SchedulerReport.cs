using System.Globalization;
using ActionBot.Scheduling;
using Quartz;
using Quartz.Impl.Matchers;

namespace ActionBot.Hosting;

/// <summary>What the running scheduler holds, read from Quartz itself: its job store, then each job with its schedule and next run.</summary>
internal static class SchedulerReport
{
    public static async Task<IReadOnlyList<string>> DescribeAsync(SchedulerHealth health, CancellationToken cancellationToken)
    {
        if (health.Scheduler is not { } scheduler)
        {
            return ["not running"];
        }

        var meta = await scheduler.GetMetaData(cancellationToken);
        var store = meta.JobStoreSupportsPersistence ? $"persistent job store ({meta.JobStoreType.Name})" : "in-memory job store";
        var lines = new List<string> { $"{store}{(meta.JobStoreClustered ? ", clustered" : "")}" };
        foreach (var job in (await scheduler.GetJobKeys(GroupMatcher<JobKey>.AnyGroup(), cancellationToken)).OrderBy(k => k.Name, StringComparer.Ordinal))
        {
            foreach (var trigger in await scheduler.GetTriggersOfJob(job, cancellationToken))
            {
                var next = trigger.GetNextFireTimeUtc() is { } at ? at.ToString("u", CultureInfo.InvariantCulture) : "none";
                lines.Add($"{job.Name}: {Schedule(trigger)}; next run {next}");
            }
        }

        return lines;
    }

    private static string Schedule(ITrigger trigger) => trigger switch
    {
        ICronTrigger cron => $"cron '{cron.CronExpressionString}' in {cron.TimeZone.Id}",
        ISimpleTrigger simple => $"every {simple.RepeatInterval.ToString("c", CultureInfo.InvariantCulture)}",
        _ => trigger.GetType().Name,
    };
}
