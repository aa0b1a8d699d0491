using ActionBot.Core.Ports;
using ActionBot.Storage.Sqlite;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;

namespace ActionBot.Storage.Tests.TestKit;

/// <summary>
/// A real SQLite file in a folder of its own under the temp directory, deleted afterwards. Each
/// <see cref="NewFactory"/> is a fresh start of the bot on the same file.
/// </summary>
internal sealed class TempDatabase : StorageTestDatabase, IDisposable
{
    private readonly List<IDisposable> _opened = [];

    public TempDatabase()
    {
        Folder = Path.Combine(Path.GetTempPath(), "actionbot-storage-tests", Guid.NewGuid().ToString("N"));
        FilePath = Path.Combine(Folder, "data", "actionbot.db");
    }

    public string Folder { get; }

    /// <summary>The database file; its folder does not exist until the first connection opens.</summary>
    public string FilePath { get; }

    public string ConnectionString => $"Data Source={FilePath}";

    public SqliteConnectionFactory NewFactory() => Track(new SqliteConnectionFactory(ConnectionString));

    public SqliteMigrator Migrator(SqliteConnectionFactory factory) => new(factory, Time, NullLogger<SqliteMigrator>.Instance);

    public override SchemaMigrator NewMigrator() => Migrator(NewFactory());

    /// <summary>A start of the bot: a new factory on the file, migrated.</summary>
    public async Task<SqliteConnectionFactory> StartAsync()
    {
        var factory = NewFactory();
        await Migrator(factory).MigrateAsync(CancellationToken.None);
        return factory;
    }

    public override async Task<IActionItemStore> StoreAsync() => new SqliteActionItemStore(await StartAsync(), Time);

    public override async Task<IDeliveryInbox> InboxAsync() => Track(new SqliteDeliveryInbox(await StartAsync()));

    public override async Task<IChatOutbox> ChatOutboxAsync() => new SqliteChatOutbox(await StartAsync());

    public override async Task<IAccountLinks> AccountLinksAsync() => new SqliteAccountLinks(await StartAsync());

    public override async Task<IAccountLinkRequests> AccountLinkRequestsAsync() => new SqliteAccountLinkRequests(await StartAsync());

    public override async Task<(IActionItemStore Store, IReminderLedger Ledger)> LedgerAsync()
    {
        var factory = await StartAsync();
        return (new SqliteActionItemStore(factory, Time), new SqliteReminderLedger(factory));
    }

    // One owner per SQLite file, whatever the name asked for.
    public override async Task<ClaimingStart> ClaimingStartAsync(string name)
    {
        var factory = await StartAsync();
        var owner = new SqliteClaimOwner(new SqliteDatabase(factory), factory, NullLogger<SqliteClaimOwner>.Instance);
        return new ClaimingStart(owner, Track(new SqliteDeliveryInbox(factory, owner)), new SqliteChatOutbox(factory, owner));
    }

    // Each start its own lease, as another process would have (serve and a backfill beside it): the lock file keeps them apart.
    public override Task<IJobLease> JobLeaseAsync() => Task.FromResult<IJobLease>(new SqliteJobLease(NewFactory(), TimeProvider.System));

    public override async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, object? parameters = null)
    {
        var factory = NewFactory();
        await using var connection = await factory.OpenAsync(CancellationToken.None);
        return (await connection.QueryAsync<T>(sql, parameters)).AsList();
    }

    public override Task<IReadOnlyList<string>> TableNamesAsync() =>
        QueryAsync<string>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");

    public override ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    public void Dispose()
    {
        // Inboxes first (they hold a connection), then the factories, which release their pooled connections.
        for (var i = _opened.Count - 1; i >= 0; i--)
        {
            _opened[i].Dispose();
        }

        _opened.Clear();
        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }
    }

    private T Track<T>(T disposable)
        where T : IDisposable
    {
        _opened.Add(disposable);
        return disposable;
    }
}
