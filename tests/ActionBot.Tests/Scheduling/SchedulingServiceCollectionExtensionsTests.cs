using System.Collections.Concurrent;
using ActionBot.Tests.Infrastructure;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;

namespace ActionBot.Tests.Scheduling;

/// <summary>Hangfire's defaults are process-wide; each bot in a process has a store, an activator and a server of its own.</summary>
public sealed class SchedulingServiceCollectionExtensionsTests : IntegrationTest
{
    [Fact]
    public async Task Two_bots_in_one_process_run_their_own_jobs_on_their_own_services()
    {
        var (probesA, probesB) = (new HostProbes(), new HostProbes());
        var a = await StartBotAsync(services: s => s.AddSingleton(probesA).AddTransient<HostProbe>());
        var b = await StartBotAsync(
            s => s["ActionBot:Storage:ConnectionString"] = $"Data Source={Path.Combine(DataFolder, "b.db")}",
            s => s.AddSingleton(probesB).AddTransient<HostProbe>());

        foreach (var i in Enumerable.Range(0, 5))
        {
            a.Services.GetRequiredService<IBackgroundJobClient>().Enqueue<HostProbe>(p => p.Run($"a{i}"));
            b.Services.GetRequiredService<IBackgroundJobClient>().Enqueue<HostProbe>(p => p.Run($"b{i}"));
        }

        await Task.WhenAll(probesA.Reached(5), probesB.Reached(5)).WaitAsync(ActionBotApplication.WaitLimit);

        Assert.Equal(["a0", "a1", "a2", "a3", "a4"], probesA.Runs.Order());
        Assert.Equal(["b0", "b1", "b2", "b3", "b4"], probesB.Runs.Order());
        Assert.NotSame(a.JobStore, b.JobStore);
        Assert.NotSame(a.Services.GetRequiredService<JobActivator>(), b.Services.GetRequiredService<JobActivator>());
        Assert.Throws<InvalidOperationException>(() => JobStorage.Current);
        a.AssertLogsAreClean();
        b.AssertLogsAreClean();
    }
}

/// <summary>What the probes of one bot ran.</summary>
public sealed class HostProbes
{
    private readonly ConcurrentQueue<string> _runs = new();
    private readonly ConcurrentQueue<(int Count, TaskCompletionSource Reached)> _waits = new();

    public IReadOnlyList<string> Runs => [.. _runs];

    public Task Reached(int count)
    {
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _waits.Enqueue((count, reached));
        Check();
        return reached.Task;
    }

    internal void Add(string name)
    {
        _runs.Enqueue(name);
        Check();
    }

    private void Check()
    {
        foreach (var (count, reached) in _waits.Where(w => _runs.Count >= w.Count))
        {
            reached.TrySetResult();
        }
    }
}

/// <summary>A Hangfire job that records its run in the <see cref="HostProbes"/> of the container that activated it.</summary>
public sealed class HostProbe(HostProbes probes)
{
    public void Run(string name) => probes.Add(name);
}
