using ActionBot.Core.Coordination;
using ActionBot.Core.Ports;

namespace ActionBot.Storage.Sqlite;

/// <summary>
/// <see cref="IJobLease"/> on a SQLite file: held in this process (a semaphore) and across the processes that open the
/// same file (<c>serve</c>, and a <c>backfill</c> run beside it) by a <see cref="SqliteLockFile"/> of the job
/// (<c>actionbot.db.postmortem-ingestion.lock</c>), which the operating system drops with its process, so a process that
/// dies mid-run frees the job at once. An in-memory database has no other process: the semaphore alone.
/// </summary>
public sealed class SqliteJobLease(SqliteConnectionFactory connections, TimeProvider time) : IJobLease
{
    /// <summary>How often a waiting <see cref="AcquireAsync"/> tries another process's lock again.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    private readonly InProcessJobLease _inProcess = new();

    public async Task<IAsyncDisposable?> TryAcquireAsync(string job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        var held = await _inProcess.TryAcquireAsync(job, cancellationToken).ConfigureAwait(false);
        if (held is null || connections.DatabaseFile is null)
        {
            return held;
        }

        if (TryLock(job) is { } file)
        {
            return new Held(held, file);
        }

        await held.DisposeAsync().ConfigureAwait(false);
        return null;
    }

    public async Task<IAsyncDisposable> AcquireAsync(string job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        var held = await _inProcess.AcquireAsync(job, cancellationToken).ConfigureAwait(false);
        if (connections.DatabaseFile is null)
        {
            return held;
        }

        try
        {
            while (true)
            {
                if (TryLock(job) is { } file)
                {
                    return new Held(held, file);
                }

                // Another process holds it: the OS gives no cross-platform wait on a file lock, so look again shortly.
                await Task.Delay(PollInterval, time, cancellationToken).ConfigureAwait(false);
            }
        }
        catch
        {
            await held.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>The lock file of <paramref name="job"/>, beside the database file.</summary>
    public string LockPath(string job) => SqliteLockFile.PathOf(connections.DatabaseFile!, job);

    // Held by another process (or another start of this one): null.
    private FileStream? TryLock(string job) => SqliteLockFile.TryTake(LockPath(job));

    private sealed class Held(IAsyncDisposable inProcess, FileStream file) : IAsyncDisposable
    {
        private int _released;

        public async ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                await file.DisposeAsync().ConfigureAwait(false);
                await inProcess.DisposeAsync().ConfigureAwait(false);
            }
        }
    }
}
