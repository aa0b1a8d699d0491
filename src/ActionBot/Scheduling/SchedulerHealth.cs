using Hangfire.Server;

namespace ActionBot.Scheduling;

/// <summary>
/// The scheduler's state for <c>/readyz</c>: running while the Hangfire server runs its processes, told by
/// <see cref="SchedulerHeartbeat"/>, one of them. A server whose store cannot be reached never gets to start it.
/// </summary>
public sealed class SchedulerHealth
{
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile bool _running;

    public bool IsRunning => _running;

    /// <summary>Completes the first time the server runs.</summary>
    public Task Started => _started.Task;

    internal void Running()
    {
        _running = true;
        _started.TrySetResult();
    }

    internal void Stopping() => _running = false;
}

/// <summary>A process of the Hangfire server that tells <see cref="SchedulerHealth"/> the server runs, until it stops.</summary>
public sealed class SchedulerHeartbeat(SchedulerHealth health) : IBackgroundProcess
{
    public void Execute(BackgroundProcessContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        health.Running();
        context.StoppingToken.WaitHandle.WaitOne();
        health.Stopping();
    }
}
