using System.Linq.Expressions;
using Hangfire.Common;

namespace ActionBot.Scheduling;

/// <summary>
/// A recurring job as configuration defines it: its Hangfire id (the job's class name, which also names its lease),
/// the call Hangfire makes (on an instance resolved from the host's container) and its schedule.
/// <see cref="RecurringJobRegistrar"/> registers each at start-up.
/// </summary>
public sealed record ScheduledJob(string Id, Job Job, JobSchedule Schedule)
{
    public static ScheduledJob Of<TJob>(Expression<Func<TJob, Task>> call, JobSchedule schedule) =>
        new(typeof(TJob).Name, Job.FromExpression(call), schedule);
}
