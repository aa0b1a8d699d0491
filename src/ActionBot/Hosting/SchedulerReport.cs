using System.Globalization;
using ActionBot.Scheduling;
using Hangfire;
using Hangfire.Storage;

namespace ActionBot.Hosting;

/// <summary>
/// What the scheduler holds, read from Hangfire itself: its job store, then each recurring job with its schedule and
/// next run, and the jobs that configuration switched off.
/// </summary>
internal static class SchedulerReport
{
    public static IReadOnlyList<string> Describe(JobStorage storage, IEnumerable<ScheduledJob> configured, IConfiguration configuration)
    {
        var schedules = configured.ToDictionary(j => j.Id, j => j.Schedule, StringComparer.Ordinal);
        var lines = new List<string> { JobStore.Describe(storage) };
        using (var connection = storage.GetConnection())
        {
            foreach (var job in connection.GetRecurringJobs().OrderBy(j => j.Id, StringComparer.Ordinal))
            {
                lines.Add($"{job.Id}: {Schedule(job, schedules.GetValueOrDefault(job.Id))}; next run {Next(job, schedules.GetValueOrDefault(job.Id))}");
            }
        }

        if (configuration[$"{ReminderOptions.SectionName}:{nameof(ReminderOptions.DigestCron)}"] is { } cron && string.IsNullOrWhiteSpace(cron))
        {
            lines.Add($"{nameof(WeeklyDigestJob)}: off (ActionBot:Reminders:DigestCron is empty)");
        }

        return lines;
    }

    // What Hangfire holds; for a job it cannot schedule by cron, the interval that IntervalTrigger keeps.
    private static string Schedule(RecurringJobDto job, JobSchedule? configured) => configured is { IsTriggered: true }
        ? configured.Describe()
        : new JobSchedule(job.Cron, TimeZoneInfo.FindSystemTimeZoneById(job.TimeZoneId ?? "UTC"), configured?.Interval).Describe();

    private static string Next(RecurringJobDto job, JobSchedule? configured)
    {
        var next = configured is { IsTriggered: true, Interval: { } interval } ? job.LastExecution + interval : job.NextExecution;
        return next is { } at ? at.ToString("u", CultureInfo.InvariantCulture) : "none";
    }
}
