using ActionBot.Core.Ports;
using ActionBot.Storage.Postgres;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace ActionBot.Storage.Tests.TestKit;

/// <summary>
/// The test class's own database on the run's PostgreSQL server, emptied before each test (as each SQLite test
/// starts from a new file). Each <see cref="NewDatabase"/> is a fresh start of the bot: a data source of its own.
/// </summary>
internal sealed class PostgresTestDatabase(PostgresFixture postgres, Type testClass) : StorageTestDatabase
{
    private readonly List<PostgresDatabase> _opened = [];
    private string? _connectionString;

    public string ConnectionString => _connectionString ?? throw new InvalidOperationException("InitializeAsync has not run.");

    public override async Task InitializeAsync()
    {
        _connectionString = await postgres.DatabaseForAsync(testClass);
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.ExecuteAsync("DROP SCHEMA public CASCADE; CREATE SCHEMA public;");
    }

    public PostgresDatabase NewDatabase()
    {
        var database = new PostgresDatabase(ConnectionString);
        _opened.Add(database);
        return database;
    }

    public PostgresMigrator Migrator(PostgresDatabase database) => new(database, Time, NullLogger<PostgresMigrator>.Instance);

    public override SchemaMigrator NewMigrator() => Migrator(NewDatabase());

    /// <summary>A start of the bot: a new data source on the database, migrated.</summary>
    public async Task<PostgresDatabase> StartAsync()
    {
        var database = NewDatabase();
        await Migrator(database).MigrateAsync(CancellationToken.None);
        return database;
    }

    public override async Task<IActionItemStore> StoreAsync() => new PostgresActionItemStore(await StartAsync(), Time);

    public override async Task<IDeliveryInbox> InboxAsync() => new PostgresDeliveryInbox(await StartAsync());

    public override async Task<IChatOutbox> ChatOutboxAsync() => new PostgresChatOutbox(await StartAsync());

    public override async Task<IAccountLinks> AccountLinksAsync() => new PostgresAccountLinks(await StartAsync());

    public override async Task<IAccountLinkRequests> AccountLinkRequestsAsync() => new PostgresAccountLinkRequests(await StartAsync());

    public override async Task<(IActionItemStore Store, IReminderLedger Ledger)> LedgerAsync()
    {
        var database = await StartAsync();
        return (new PostgresActionItemStore(database, Time), new PostgresReminderLedger(database));
    }

    public override async Task<ClaimingStart> ClaimingStartAsync(string name)
    {
        var database = await StartAsync();
        var owner = new PostgresClaimOwner(database, NullLogger<PostgresClaimOwner>.Instance, name);
        return new ClaimingStart(owner, new PostgresDeliveryInbox(database, owner), new PostgresChatOutbox(database, owner));
    }

    public override async Task<IJobLease> JobLeaseAsync() => new PostgresJobLease(await StartAsync());

    public override async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, object? parameters = null)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        return (await connection.QueryAsync<T>(sql, parameters)).AsList();
    }

    public override Task<IReadOnlyList<string>> TableNamesAsync() =>
        QueryAsync<string>("SELECT tablename::text FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename");

    public override ValueTask DisposeAsync()
    {
        foreach (var database in _opened)
        {
            database.Dispose();
        }

        _opened.Clear();
        return ValueTask.CompletedTask;
    }
}
