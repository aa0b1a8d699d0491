using System.Collections.Specialized;
using Quartz;
using Quartz.Impl;
using Quartz.Spi;

namespace ActionBot.Scheduling;

/// <summary>
/// Runs a Quartz scheduler (in-memory job store) in the generic host: schedules each <see cref="ScheduledJob"/>, starts
/// after storage is migrated (hosted services start in registration order), and lets running jobs finish on stop.
/// </summary>
public sealed partial class QuartzHostedService(
    IEnumerable<ScheduledJob> jobs,
    IJobFactory jobFactory,
    SchedulerHealth health,
    ILogger<QuartzHostedService> logger) : IHostedService
{
    private IScheduler? _scheduler;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // A name of its own: Quartz keeps schedulers by name per process, and tests run several hosts at once.
        var properties = new NameValueCollection
        {
            ["quartz.scheduler.instanceName"] = "ActionBot-" + Guid.NewGuid().ToString("N"),
            ["quartz.jobStore.type"] = "Quartz.Simpl.RAMJobStore, Quartz",
            ["quartz.threadPool.maxConcurrency"] = "4",
        };
        _scheduler = await new StdSchedulerFactory(properties).GetScheduler(cancellationToken);
        _scheduler.JobFactory = jobFactory;
        foreach (var job in jobs)
        {
            var detail = JobBuilder.Create(job.JobType).WithIdentity(job.Name).Build();
            var trigger = job.Trigger(TriggerBuilder.Create().WithIdentity(job.Name + ".trigger")).Build();
            var first = await _scheduler.ScheduleJob(detail, trigger, cancellationToken);
            Log.Scheduled(logger, job.Name, first);
        }

        await _scheduler.Start(cancellationToken);
        health.Scheduler = _scheduler;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_scheduler is not null)
        {
            health.Scheduler = null;
            await _scheduler.Shutdown(waitForJobsToComplete: true, cancellationToken);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 5400, Level = LogLevel.Information, Message = "Scheduled {Job}; first run at {FirstRun}")]
        public static partial void Scheduled(ILogger logger, string job, DateTimeOffset firstRun);
    }
}

/// <summary>The scheduler's state for <c>/readyz</c>.</summary>
public sealed class SchedulerHealth
{
    internal IScheduler? Scheduler { get; set; }

    public bool IsRunning => Scheduler is { IsStarted: true, IsShutdown: false, InStandbyMode: false };
}
