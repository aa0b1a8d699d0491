using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using ActionBot.Core.Ports;

namespace ActionBot.Core.Coordination;

/// <summary>
/// <see cref="IJobLease"/> for one process (SQLite, where one process owns the file; unit tests): a job's lease is a
/// semaphore in this process.
/// </summary>
[SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable", Justification = "SemaphoreSlims whose AvailableWaitHandle is never read hold nothing to dispose.")]
public sealed class InProcessJobLease : IJobLease
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _jobs = new(StringComparer.Ordinal);

    public Task<IAsyncDisposable?> TryAcquireAsync(string job, CancellationToken cancellationToken)
    {
        var gate = _jobs.GetOrAdd(job, _ => new SemaphoreSlim(1, 1));
        return Task.FromResult<IAsyncDisposable?>(gate.Wait(0, cancellationToken) ? new Held(gate) : null);
    }

    public async Task<IAsyncDisposable> AcquireAsync(string job, CancellationToken cancellationToken)
    {
        var gate = _jobs.GetOrAdd(job, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new Held(gate);
    }

    private sealed class Held(SemaphoreSlim gate) : IAsyncDisposable
    {
        private int _released;

        public ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate.Release();
            }

            return ValueTask.CompletedTask;
        }
    }
}
