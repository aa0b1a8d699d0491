using System.Globalization;
using ActionBot.Core.Ports;
using ActionBot.Core.Reminders;
using ActionBot.Storage.Sqlite;
using BenchmarkDotNet.Attributes;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace ActionBot.Benchmarks;

/// <summary>
/// One reminder sweep over 100,000 open items in a SQLite file: every item streamed from the database and evaluated,
/// 1 % of them due (one message per owner). Records are dropped, so every iteration does the same work.
/// </summary>
[MemoryDiagnoser]
public class ReminderSweepBenchmarks : IDisposable
{
    private const int ItemCount = 100_000;
    private static readonly DateTimeOffset Now = new(2025, 3, 12, 10, 0, 0, TimeSpan.Zero);

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "actionbot-bench-" + Guid.NewGuid().ToString("N"));
    private SqliteConnectionFactory _connections = null!;
    private ReminderSweep _sweep = null!;

    [GlobalSetup]
    public void Setup()
    {
        Directory.CreateDirectory(_folder);
        _connections = new SqliteConnectionFactory($"Data Source={Path.Combine(_folder, "bench.db")}");
        new SqliteMigrator(_connections, TimeProvider.System, NullLogger<SqliteMigrator>.Instance).MigrateAsync(CancellationToken.None).GetAwaiter().GetResult();
        SeedAsync().GetAwaiter().GetResult();

        var settings = ReminderSettings.Default();
        _sweep = new ReminderSweep(
            new UnrecordedLedger(new SqliteReminderLedger(_connections)), new NullChat(), new NoLinks(), new NoChannels(),
            new ReminderPolicy(settings), new DueDateRule(settings));
        _readAll = new ReminderSweep(
            new UnrecordedLedger(new SqliteReminderLedger(_connections)) { DueBy = DateOnly.MaxValue }, new NullChat(), new NoLinks(), new NoChannels(),
            new ReminderPolicy(settings), new DueDateRule(settings));
    }

    [GlobalCleanup]
    public void Dispose()
    {
        _connections?.Dispose();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }

        GC.SuppressFinalize(this);
    }

    private ReminderSweep _readAll = null!;

    /// <summary>The sweep as it runs: items due far ahead are left out by the query.</summary>
    [Benchmark]
    public async Task<int> SweepOf100000OpenItems() => (await _sweep.RunAsync(Now, CancellationToken.None)).ItemsRead;

    /// <summary>The worst case: every one of the 100,000 items read and evaluated.</summary>
    [Benchmark]
    public async Task<int> SweepReadingAll100000() => (await _readAll.RunAsync(Now, CancellationToken.None)).ItemsRead;

    // 1 % are due on Friday 14 March (reminded two days before, on the 12th); the rest from April on.
    private async Task SeedAsync()
    {
        await using var connection = await _connections.OpenAsync(CancellationToken.None);
        await using var transaction = connection.BeginTransaction();
        await using (var postmortem = connection.CreateCommand())
        {
            postmortem.Transaction = transaction;
            postmortem.CommandText = "INSERT INTO postmortems (repository, path, issue_repository, commit_sha, author, merged_at) VALUES ('acme/ops', 'postmortems/big.md', 'acme/ops', 'abc', 'octocat', '2025-03-01T09:00:00.0000000Z')";
            await postmortem.ExecuteNonQueryAsync();
        }

        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = """
            INSERT INTO action_items (item_key, repository, path, issue_repository, item_id, title, section, owners, due, priority, line,
                                      issue_number, issue_url, state, created_at, updated_at)
            VALUES ($key, 'acme/ops', 'postmortems/big.md', 'acme/ops', $key, $title, 'Action items', $owners, $due, 'P1', $line,
                    $line, 'https://github.com/acme/ops/issues/1', 'open', '2025-03-01T09:00:00.0000000Z', '2025-03-01T09:00:00.0000000Z')
            """;
        var key = insert.Parameters.Add("$key", SqliteType.Text);
        var title = insert.Parameters.Add("$title", SqliteType.Text);
        var owners = insert.Parameters.Add("$owners", SqliteType.Text);
        var due = insert.Parameters.Add("$due", SqliteType.Text);
        var line = insert.Parameters.Add("$line", SqliteType.Integer);
        for (var i = 0; i < ItemCount; i++)
        {
            key.Value = i.ToString("x12", CultureInfo.InvariantCulture);
            title.Value = $"Add an alert for the queue backlog of service number {i}";
            owners.Value = $"[\"owner{i % 500}\"]";
            due.Value = (i % 100 == 0 ? new DateOnly(2025, 3, 14) : new DateOnly(2025, 4, 1).AddDays(i % 200)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            line.Value = i + 1;
            await insert.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
    }

    private sealed class UnrecordedLedger(IReminderLedger inner) : IReminderLedger
    {
        public IAsyncEnumerable<ReminderCandidate> OpenItemsAsync(DateOnly dueBy, CancellationToken cancellationToken) => inner.OpenItemsAsync(DueBy ?? dueBy, cancellationToken);

        /// <summary>Set to read every open item whatever its due date (the worst case).</summary>
        public DateOnly? DueBy { get; init; }

        public Task<int> RecordAsync(IReadOnlyList<ReminderRecord> records, DateTimeOffset at, CancellationToken cancellationToken) => Task.FromResult(0);
    }

    private sealed class NullChat : IChatNotifier
    {
        public Task AnnounceAsync(PostmortemAnnouncement announcement, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task RemindAsync(ReminderMessage reminder, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task EscalateAsync(EscalationMessage escalation, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task PostDigestAsync(WeeklyDigest digest, CancellationToken cancellationToken) => Task.CompletedTask;
    }

    private sealed class NoLinks : IAccountLinks
    {
        public Task LinkAsync(string chatUserId, string gitHubLogin, DateTimeOffset at, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task<string?> GetGitHubLoginAsync(string chatUserId, CancellationToken cancellationToken) => Task.FromResult<string?>(null);

        public Task<string?> GetChatUserIdAsync(string gitHubLogin, CancellationToken cancellationToken) => Task.FromResult<string?>(null);
    }

    private sealed class NoChannels : IChannelDirectory
    {
        public IReadOnlyList<ChannelScope> Channels => [];

        public string? ChannelFor(string repository) => "chan";
    }
}
