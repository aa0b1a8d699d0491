using ActionBot.Storage.Migrations;
using ActionBot.Storage.Sqlite;
using ActionBot.Storage.Tests.TestKit;

namespace ActionBot.Storage.Tests.Sqlite;

public sealed class SqliteMigratorTests : IDisposable
{
    private static readonly IReadOnlyList<MigrationScript> Scripts = MigrationScripts.Load(SqliteMigrator.Placeholders);
    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task Migrating_a_new_database_creates_the_tables_and_records_each_version()
    {
        var migrator = _database.Migrator(_database.NewFactory());

        Assert.Equal(Scripts.Count, await migrator.MigrateAsync(CancellationToken.None));

        Assert.True(migrator.IsUpToDate);
        Assert.Equal(Scripts.Select(s => (long)s.Version), await _database.QueryAsync<long>("SELECT version FROM schema_migrations ORDER BY version"));
        Assert.Equal(
            ["action_items", "postmortems", "reminder_log", "reminder_state", "schema_migrations", "webhook_deliveries"],
            await _database.QueryAsync<string>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"));
    }

    [Fact]
    public async Task Migrating_again_applies_nothing()
    {
        await _database.Migrator(_database.NewFactory()).MigrateAsync(CancellationToken.None);

        var again = _database.Migrator(_database.NewFactory());

        Assert.Equal(0, await again.MigrateAsync(CancellationToken.None));
        Assert.True(again.IsUpToDate);
        Assert.Equal(Scripts.Count, (await _database.QueryAsync<long>("SELECT COUNT(*) FROM schema_migrations")).Single());
    }

    [Fact]
    public async Task Two_migrators_starting_at_once_apply_each_migration_exactly_once()
    {
        // Two factories: two processes starting on the same file, meeting only in SQLite's locks.
        var first = _database.Migrator(_database.NewFactory());
        var second = _database.Migrator(_database.NewFactory());

        var applied = await Task.WhenAll(
            Task.Run(() => first.MigrateAsync(CancellationToken.None)),
            Task.Run(() => second.MigrateAsync(CancellationToken.None)));

        Assert.Equal(Scripts.Count, applied.Sum());
        Assert.Equal(Scripts.Count, (await _database.QueryAsync<long>("SELECT COUNT(*) FROM schema_migrations")).Single());
    }

    [Fact]
    public async Task The_claim_query_walks_the_due_index_instead_of_scanning_deliveries()
    {
        await _database.StartAsync();

        var plan = (await _database.QueryAsync<(long Id, long Parent, long NotUsed, string Detail)>(
            "EXPLAIN QUERY PLAN " + InboxSql.ClaimNext,
            new { Now = "x", LeaseUntil = "y" })).Select(step => step.Detail).ToList();

        Assert.Contains(plan, step => step.Contains("ix_webhook_deliveries_due", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, step => step.StartsWith("SCAN webhook_deliveries", StringComparison.Ordinal));
    }
}
