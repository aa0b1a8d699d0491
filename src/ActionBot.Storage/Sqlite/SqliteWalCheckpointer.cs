using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ActionBot.Storage.Sqlite;

/// <summary>What one <see cref="SqliteWalCheckpointer.CheckpointAsync"/> found and did.</summary>
/// <param name="WalFrames">Frames in the WAL (since it was last restarted) when the passive checkpoint ran.</param>
/// <param name="CheckpointedFrames">Of them, how many that checkpoint left in the database file.</param>
/// <param name="Restarted">The WAL had passed its limit and was restarted: the next commit writes from its start.</param>
/// <param name="Busy">The WAL had passed its limit but could not be restarted (a reader or another process's writer held on).</param>
internal readonly record struct CheckpointPass(long WalFrames, long CheckpointedFrames, bool Restarted, bool Busy);

/// <summary>
/// Copies the WAL back into the database file in the background, so that no webhook acknowledgement pays for it.
/// Left to SQLite, the commit that crosses 1,000 WAL pages checkpoints on its own connection, with two fsyncs,
/// while the write gate is held: every acknowledgement waiting at the gate waited ~7-10 ms, many times a second at
/// 1,000 deliveries/s. While this service runs, connections are opened with <c>wal_autocheckpoint</c> far above
/// what it lets the WAL reach (<see cref="FallbackAutoCheckpointPages"/>) and it checkpoints instead, on a
/// connection and thread of its own, every <see cref="SqliteWalCheckpointerOptions.Interval"/>, with
/// <c>PASSIVE</c>, which never blocks writers.
/// <para>
/// A passive checkpoint cannot restart the WAL while writes keep coming (each one lands while it copies), so under
/// steady load the WAL would only grow. Once it passes
/// <see cref="SqliteWalCheckpointerOptions.RestartAboveMegabytes"/>, a <c>RESTART</c> checkpoint follows the
/// passive one: it blocks writers, but only for the frames written since and its two fsyncs, and the next commit
/// starts the WAL again from its beginning. It runs holding the write gate, so this
/// process's writers wait at the gate and go on the moment it ends. Outside the gate they would meet SQLite's lock
/// instead, and this SQLite build (no usleep) has its busy handler sleep whole seconds: p99 ~970 ms in a test.
/// A WAL grown far past the limit (a reader in another process kept it from restarting) is truncated instead,
/// giving its disk space back.
/// </para>
/// A failing pass is logged and tried again at the next interval: it never stops the host.
/// </summary>
public sealed partial class SqliteWalCheckpointer(
    SqliteConnectionFactory connections,
    TimeProvider time,
    IOptions<SqliteWalCheckpointerOptions> options,
    ILogger<SqliteWalCheckpointer> logger) : BackgroundService
{
    // The blocking checkpoint holds the write gate, so it must not wait: with no busy handler, a reader or another
    // process's writer in its way makes it give up at once (the WAL restarts at a later pass), never sleep a second.
    private const string NoBusyWait = "PRAGMA busy_timeout=0;";

    private SqliteConnection? _connection;
    private SqliteCommand? _passive;
    private long _pageSize;
    private TaskCompletionSource _passed = NewSignal();

    /// <summary>Time between two passes.</summary>
    internal TimeSpan Interval { get; } = options.Value.Interval;

    /// <summary>WAL size past which a pass restarts the WAL.</summary>
    internal long RestartAboveBytes { get; } = options.Value.RestartAboveBytes;

    /// <summary>
    /// <c>wal_autocheckpoint</c> while this runs: twice the restart size, in pages of SQLite's default 4 KB. Never
    /// reached while passes keep up; should they stop (a pass stuck in I/O, failing every time), SQLite
    /// checkpoints in the commit that crosses it, and the next writer restarts the WAL: it stays bounded.
    /// </summary>
    internal int FallbackAutoCheckpointPages => (int)Math.Min(int.MaxValue, 2 * RestartAboveBytes / 4096);

    /// <summary>Completes after the next pass, failed or not (tests wait on it).</summary>
    internal Task NextPass => Volatile.Read(ref _passed).Task;

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        // Before the server takes requests: every connection that writes from now on leaves checkpoints to us.
        connections.AutoCheckpointPages = FallbackAutoCheckpointPages;
        return base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);

        // Late writers fall back to SQLite's own checkpoints; the last connection to close checkpoints the rest.
        connections.AutoCheckpointPages = SqliteConnectionFactory.DefaultAutoCheckpointPages;
    }

    public override void Dispose()
    {
        CloseConnection();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await RunPassesAsync(stoppingToken).ConfigureAwait(false);
        }
        finally
        {
            // Here, not in StopAsync: a pass still running (StopAsync's own time-out ran out) keeps its connection.
            CloseConnection();
        }
    }

    private async Task RunPassesAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(Interval, time, stoppingToken).ConfigureAwait(false);
                var pass = await CheckpointAsync().ConfigureAwait(false);
                if (pass.Busy)
                {
                    Log.RestartBusy(logger, pass.WalFrames);
                }
                else if (pass.Restarted)
                {
                    Log.Restarted(logger, pass.WalFrames);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                // A checkpoint that fails (disk full, file replaced) leaves the WAL as it was, and the data safe in
                // it; the next pass tries again on a fresh connection.
                Log.Failed(logger, ex);
                CloseConnection();
            }
            finally
            {
                Interlocked.Exchange(ref _passed, NewSignal()).TrySetResult();
            }
        }
    }

    /// <summary>
    /// One pass, on a thread of its own: SQLite works synchronously, and a pass (tens of milliseconds of copying
    /// and two fsyncs) on a thread-pool thread would hold one of the few threads the requests need; on one core
    /// the pool has a single thread to begin with, and adds more only after a starvation delay.
    /// </summary>
    internal Task<CheckpointPass> CheckpointAsync() =>
        Task.Factory.StartNew(Checkpoint, CancellationToken.None, TaskCreationOptions.LongRunning | TaskCreationOptions.DenyChildAttach, TaskScheduler.Default);

    /// <summary>A passive checkpoint, then a restart of the WAL when it has grown past the limit.</summary>
    private CheckpointPass Checkpoint()
    {
        if (_connection is null)
        {
            // The factory's open never waits (SQLite opens synchronously), so blocking on it here costs nothing.
            _connection = connections.OpenAsync(CancellationToken.None).GetAwaiter().GetResult();
            using (var setup = _connection.CreateCommand())
            {
                setup.CommandText = NoBusyWait;
                setup.ExecuteNonQuery();
                setup.CommandText = "PRAGMA page_size;";
                _pageSize = Convert.ToInt64(setup.ExecuteScalar(), CultureInfo.InvariantCulture);
            }

            _passive = _connection.CreateCommand();
            _passive.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
            _passive.Prepare();
        }

        var (_, frames, checkpointed) = Run(_passive!);
        if (frames * _pageSize <= RestartAboveBytes)
        {
            return new CheckpointPass(frames, checkpointed, Restarted: false, Busy: false);
        }

        // Most of the WAL is in the database file already (the passive pass): the restart copies only what was
        // written since, so the gate is held for its two fsyncs and little else (measured 3-7 ms at 1,000/s).
        var mode = WalFileLength() > 4 * RestartAboveBytes ? "TRUNCATE" : "RESTART";
        connections.WriteGate.Wait();
        try
        {
            using var restart = _connection.CreateCommand();
            restart.CommandText = $"PRAGMA wal_checkpoint({mode});";
            var (busy, _, _) = Run(restart); // a restarted WAL answers 0 frames: report what the passive pass found
            return new CheckpointPass(frames, checkpointed, Restarted: !busy, Busy: busy);
        }
        finally
        {
            connections.WriteGate.Release();
        }
    }

    // PRAGMA wal_checkpoint answers one row: busy (0/1), frames in the WAL, frames checkpointed (-1, -1 if not WAL).
    private static (bool Busy, long Frames, long Checkpointed) Run(SqliteCommand command)
    {
        using var reader = command.ExecuteReader();
        reader.Read();
        return (reader.GetInt64(0) != 0, reader.GetInt64(1), reader.GetInt64(2));
    }

    private long WalFileLength()
    {
        if (connections.DatabaseFile is not { } file)
        {
            return 0;
        }

        var wal = new FileInfo(file + "-wal");
        return wal.Exists ? wal.Length : 0;
    }

    private void CloseConnection()
    {
        _passive?.Dispose();
        _passive = null;
        _connection?.Dispose();
        _connection = null;
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private static partial class Log
    {
        [LoggerMessage(EventId = 3020, Level = LogLevel.Debug, Message = "Restarted the SQLite WAL after {Frames} frames")]
        public static partial void Restarted(ILogger logger, long frames);

        // Only a reader or a writer in another process can hold it off; until it lets go the WAL keeps growing.
        [LoggerMessage(EventId = 3022, Level = LogLevel.Warning, Message = "The SQLite WAL ({Frames} frames) could not be restarted: another connection holds it; trying again at the next interval")]
        public static partial void RestartBusy(ILogger logger, long frames);

        [LoggerMessage(EventId = 3021, Level = LogLevel.Warning, Message = "SQLite WAL checkpoint failed; trying again at the next interval")]
        public static partial void Failed(ILogger logger, Exception exception);
    }
}
