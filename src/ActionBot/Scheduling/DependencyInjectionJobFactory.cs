using Quartz;
using Quartz.Spi;

namespace ActionBot.Scheduling;

/// <summary>Quartz's job factory over the container: each run resolves its job in a scope of its own, disposed when the run ends.</summary>
internal sealed class DependencyInjectionJobFactory(IServiceScopeFactory scopes) : IJobFactory
{
    public IJob NewJob(TriggerFiredBundle bundle, IScheduler scheduler)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        return new ScopedJob(scopes, bundle.JobDetail.JobType);
    }

    public void ReturnJob(IJob job)
    {
    }

    private sealed class ScopedJob(IServiceScopeFactory scopes, Type jobType) : IJob
    {
        public async Task Execute(IJobExecutionContext context)
        {
            var scope = scopes.CreateAsyncScope();
            await using (scope)
            {
                var job = (IJob)scope.ServiceProvider.GetRequiredService(jobType);
                await job.Execute(context);
            }
        }
    }
}
