using Quartz;

namespace ActionBot.Scheduling;

/// <summary>A job and its trigger as configuration defines them; <see cref="QuartzHostedService"/> schedules each.</summary>
public sealed record ScheduledJob(string Name, Type JobType, Func<TriggerBuilder, TriggerBuilder> Trigger)
{
    public static ScheduledJob Every<TJob>(TimeSpan interval)
        where TJob : IJob =>
        new(typeof(TJob).Name, typeof(TJob), t => t.StartNow().WithSimpleSchedule(s => s.WithInterval(interval).RepeatForever().WithMisfireHandlingInstructionNextWithRemainingCount()));

    public static ScheduledJob Cron<TJob>(string expression, TimeZoneInfo timeZone)
        where TJob : IJob =>
        new(typeof(TJob).Name, typeof(TJob), t => t.WithCronSchedule(expression, c => c.InTimeZone(timeZone).WithMisfireHandlingInstructionDoNothing()));
}
