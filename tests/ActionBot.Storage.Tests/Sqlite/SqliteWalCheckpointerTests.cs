using ActionBot.Core.Ports;
using ActionBot.Storage.Sqlite;
using ActionBot.Storage.Tests.TestKit;
using ActionBot.Testing;
using Dapper;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ActionBot.Storage.Tests.Sqlite;

public sealed class SqliteWalCheckpointerTests : IDisposable
{
    private static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(30);
    private static readonly byte[] Body = new byte[25_600];
    private readonly TempDatabase _database = new();
    private readonly InMemoryLoggerProvider _logs = new();
    private readonly ILoggerFactory _loggerFactory;

    public SqliteWalCheckpointerTests() =>
        _loggerFactory = LoggerFactory.Create(builder => builder.AddProvider(_logs).SetMinimumLevel(LogLevel.Trace));

    public void Dispose()
    {
        _loggerFactory.Dispose();
        _database.Dispose();
    }

    [Fact]
    public async Task While_it_runs_connections_leave_checkpoints_to_it_and_get_them_back_when_it_stops()
    {
        var factory = await _database.StartAsync();
        using var checkpointer = Checkpointer(factory);

        await checkpointer.StartAsync(CancellationToken.None);
        var whileRunning = await AutoCheckpointAsync(factory);
        await checkpointer.StopAsync(CancellationToken.None);

        // 2 x 256 MB in 4 KB pages: far above where the checkpointer restarts the WAL, a bound only should it stop.
        Assert.Equal((131_072, 1000), (whileRunning, await AutoCheckpointAsync(factory)));
    }

    [Fact]
    public async Task Each_interval_a_pass_copies_the_wal_into_the_database_file()
    {
        var factory = await _database.StartAsync();
        using var checkpointer = Checkpointer(factory);
        await checkpointer.StartAsync(CancellationToken.None);
        using var inbox = new SqliteDeliveryInbox(factory);
        var before = new FileInfo(_database.FilePath).Length;
        await AddAsync(inbox, 40); // ~1 MB, all of it in the WAL: the inbox's connection does not checkpoint

        await _database.Time.WaitForPendingTimersAsync(1);
        var pass = checkpointer.NextPass;
        _database.Time.Advance(checkpointer.Interval - TimeSpan.FromTicks(1));
        Assert.False(pass.IsCompleted);
        Assert.Equal(before, new FileInfo(_database.FilePath).Length);

        _database.Time.Advance(TimeSpan.FromTicks(1));
        await pass.WaitAsync(WaitLimit);

        Assert.True(new FileInfo(_database.FilePath).Length >= before + (40 * Body.Length));
        await checkpointer.StopAsync(CancellationToken.None);
        Assert.DoesNotContain(_logs.Entries, e => e.Level >= LogLevel.Warning);
    }

    [Fact]
    public async Task A_wal_past_its_limit_is_restarted_so_that_it_stops_growing()
    {
        var factory = await _database.StartAsync();
        factory.AutoCheckpointPages = 0;
        using var checkpointer = Checkpointer(factory, restartAboveMegabytes: 1);
        using var inbox = new SqliteDeliveryInbox(factory);
        await AddAsync(inbox, 60); // ~1.5 MB

        var restarted = await checkpointer.CheckpointAsync();
        await AddAsync(inbox, 1);
        var next = await checkpointer.CheckpointAsync();

        Assert.Equal((true, false), (restarted.Restarted, restarted.Busy));
        Assert.Equal(restarted.WalFrames, restarted.CheckpointedFrames);

        // The commit after the restart wrote from the WAL's first frame again: only its own frames are in it.
        Assert.InRange(next.WalFrames, 1, restarted.WalFrames / 20);
        Assert.False(next.Restarted);
    }

    [Fact]
    public async Task A_wal_far_past_its_limit_is_truncated_giving_its_disk_space_back()
    {
        var factory = await _database.StartAsync();
        factory.AutoCheckpointPages = 0;
        using var checkpointer = Checkpointer(factory, restartAboveMegabytes: 1);
        using var inbox = new SqliteDeliveryInbox(factory);
        await AddAsync(inbox, 200); // ~5 MB, more than 4 times the limit

        var pass = await checkpointer.CheckpointAsync();

        Assert.True(pass.Restarted);
        Assert.Equal(0, new FileInfo(_database.FilePath + "-wal").Length);
    }

    [Fact]
    public async Task A_reader_holding_the_wal_makes_the_restart_give_up_at_once_and_a_later_pass_restarts_it()
    {
        var factory = await _database.StartAsync();
        factory.AutoCheckpointPages = 0;
        using var checkpointer = Checkpointer(factory, restartAboveMegabytes: 1);
        using var inbox = new SqliteDeliveryInbox(factory);
        await AddAsync(inbox, 60);

        var reader = await factory.OpenAsync(CancellationToken.None);
        await using (reader)
        {
            using var snapshot = reader.BeginTransaction(deferred: true);
            _ = await reader.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM webhook_deliveries", transaction: snapshot);

            // busy_timeout=0 on the checkpointer's connection: no second-long sleep in SQLite's busy handler.
            var held = await checkpointer.CheckpointAsync().WaitAsync(WaitLimit);
            Assert.Equal((false, true), (held.Restarted, held.Busy));
        }

        Assert.True((await checkpointer.CheckpointAsync()).Restarted);
    }

    [Fact]
    public async Task Should_passes_stop_sqlites_own_checkpoint_still_bounds_the_wal()
    {
        var factory = await _database.StartAsync();
        using var checkpointer = Checkpointer(factory, restartAboveMegabytes: 1);
        await checkpointer.StartAsync(CancellationToken.None); // and the clock never moves: no pass runs
        using var inbox = new SqliteDeliveryInbox(factory);

        await AddAsync(inbox, 240); // ~6 MB

        // Fallback at 2 MB (512 pages): the WAL file is reused from its start after each of SQLite's checkpoints.
        Assert.InRange(new FileInfo(_database.FilePath + "-wal").Length, 1, 3L * 1024 * 1024);
        await checkpointer.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task A_wal_under_its_limit_is_only_checkpointed()
    {
        var factory = await _database.StartAsync();
        factory.AutoCheckpointPages = 0;
        using var checkpointer = Checkpointer(factory);
        using var inbox = new SqliteDeliveryInbox(factory);
        await AddAsync(inbox, 10);

        var pass = await checkpointer.CheckpointAsync();

        Assert.False(pass.Restarted);
        Assert.True(pass.WalFrames > 0);
        Assert.Equal(pass.WalFrames, pass.CheckpointedFrames);
    }

    [Fact]
    public async Task A_failing_pass_is_logged_and_the_next_one_still_runs_without_stopping_the_host()
    {
        // The database's folder cannot be created (a file has its name), so every pass fails to open a connection.
        Directory.CreateDirectory(_database.Folder);
        var blocker = Path.Combine(_database.Folder, "blocker");
        await File.WriteAllTextAsync(blocker, "not a folder");
        using var factory = new SqliteConnectionFactory($"Data Source={Path.Combine(blocker, "actionbot.db")}");
        using var checkpointer = Checkpointer(factory);
        await checkpointer.StartAsync(CancellationToken.None);

        for (var i = 0; i < 2; i++)
        {
            await _database.Time.WaitForPendingTimersAsync(1);
            var pass = checkpointer.NextPass;
            _database.Time.Advance(checkpointer.Interval);
            await pass.WaitAsync(WaitLimit);
        }

        var failures = _logs.Entries.Where(e => e.EventId.Id == 3021).ToList();
        Assert.Equal(2, failures.Count);
        Assert.All(failures, f => Assert.Equal(LogLevel.Warning, f.Level));
        Assert.False(checkpointer.ExecuteTask!.IsCompleted);
        await checkpointer.StopAsync(CancellationToken.None);
        Assert.True(checkpointer.ExecuteTask.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task Stopping_ends_the_loop_cleanly_and_leaves_no_timer_behind()
    {
        var factory = await _database.StartAsync();
        using var checkpointer = Checkpointer(factory);
        await checkpointer.StartAsync(CancellationToken.None);
        await _database.Time.WaitForPendingTimersAsync(1);

        await checkpointer.StopAsync(CancellationToken.None).WaitAsync(WaitLimit);

        Assert.True(checkpointer.ExecuteTask!.IsCompletedSuccessfully);
        Assert.Equal(0, _database.Time.PendingTimerCount);
        Assert.DoesNotContain(_logs.Entries, e => e.Level >= LogLevel.Warning);
    }

    private SqliteWalCheckpointer Checkpointer(SqliteConnectionFactory factory, int restartAboveMegabytes = 256) =>
        new(
            factory,
            _database.Time,
            Options.Create(new SqliteWalCheckpointerOptions { RestartAboveMegabytes = restartAboveMegabytes }),
            _loggerFactory.CreateLogger<SqliteWalCheckpointer>());

    private static async Task<long> AutoCheckpointAsync(SqliteConnectionFactory factory)
    {
        await using var connection = await factory.OpenAsync(CancellationToken.None);
        return await connection.ExecuteScalarAsync<long>("PRAGMA wal_autocheckpoint");
    }

    private async Task AddAsync(SqliteDeliveryInbox inbox, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var delivery = new InboxDelivery(Guid.NewGuid().ToString(), "pull_request", "closed", "acme/ops", Body, _database.Time.GetUtcNow());
            Assert.True(await inbox.TryAddAsync(delivery, CancellationToken.None));
        }
    }
}
