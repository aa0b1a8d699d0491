using ActionBot.Storage.Migrations;
using ActionBot.Storage.Sqlite;
using ActionBot.Storage.Tests.TestKit;

namespace ActionBot.Storage.Tests.Contracts;

/// <summary>
/// How every <see cref="SchemaMigrator"/> behaves, whatever the database: each provider's test class derives from
/// this with its own <see cref="StorageTestDatabase"/>.
/// </summary>
public abstract class SchemaMigratorContract : IAsyncLifetime
{
    private protected static readonly IReadOnlyList<MigrationScript> Scripts = MigrationScripts.Load(SqliteMigrator.Placeholders);
    private readonly StorageTestDatabase _database;

    private protected SchemaMigratorContract(StorageTestDatabase database) => _database = database;

    public Task InitializeAsync() => _database.InitializeAsync();

    public Task DisposeAsync() => _database.DisposeAsync().AsTask();

    [StorageFact]
    public async Task Migrating_a_new_database_creates_the_tables_and_records_each_version()
    {
        var migrator = _database.NewMigrator();

        Assert.Equal(Scripts.Count, await migrator.MigrateAsync(CancellationToken.None));

        Assert.True(migrator.IsUpToDate);
        Assert.Equal(Scripts.Select(s => (long)s.Version), await _database.QueryAsync<long>("SELECT version FROM schema_migrations ORDER BY version"));
        Assert.Equal(
            ["account_link_requests", "account_links", "action_items", "chat_outbox", "pending_effects", "postmortems", "reminder_log", "reminder_state", "schema_migrations", "webhook_deliveries", "webhook_delivery_bodies"],
            await _database.TableNamesAsync());
    }

    [StorageFact]
    public async Task Migrating_again_applies_nothing()
    {
        await _database.NewMigrator().MigrateAsync(CancellationToken.None);

        var again = _database.NewMigrator();

        Assert.Equal(0, await again.MigrateAsync(CancellationToken.None));
        Assert.True(again.IsUpToDate);
        Assert.Equal(Scripts.Count, (await _database.QueryAsync<long>("SELECT COUNT(*) FROM schema_migrations")).Single());
    }

    [StorageFact]
    public async Task Three_hosts_migrating_at_once_apply_each_migration_exactly_once()
    {
        // Three migrators with connections of their own: three replicas starting together, meeting only in the database's locks.
        var migrators = Enumerable.Range(0, 3).Select(_ => _database.NewMigrator()).ToList();

        var applied = await Task.WhenAll(migrators.Select(m => Task.Run(() => m.MigrateAsync(CancellationToken.None))));

        Assert.Equal(Scripts.Count, applied.Sum());
        Assert.All(migrators, m => Assert.True(m.IsUpToDate));
        Assert.Equal(Scripts.Select(s => (long)s.Version), await _database.QueryAsync<long>("SELECT version FROM schema_migrations ORDER BY version"));
    }

    [StorageFact]
    public async Task Upgrading_to_0007_drops_the_links_nobody_confirmed_and_then_allows_one_account_per_login()
    {
        await _database.NewMigrator().MigrateAsync(CancellationToken.None);

        // Back to a database of 0006, holding a self-asserted link and another account's claim of the same login.
        await _database.QueryAsync<int>("DROP TABLE account_link_requests");
        await _database.QueryAsync<int>("DROP INDEX ux_account_links_login");
        await _database.QueryAsync<int>("CREATE INDEX ix_account_links_login ON account_links ((lower(github_login)))");
        await _database.QueryAsync<int>("DELETE FROM schema_migrations WHERE version = 7");
        await _database.QueryAsync<int>("INSERT INTO account_links (chat_user_id, github_login, linked_at) VALUES ('111', 'alice', '2025-03-01T09:00:00.0000000Z'), ('666', 'ALICE', '2025-03-02T09:00:00.0000000Z')");

        var applied = await _database.NewMigrator().MigrateAsync(CancellationToken.None);

        Assert.Equal(1, applied);
        Assert.Equal(0L, (await _database.QueryAsync<long>("SELECT COUNT(*) FROM account_links")).Single());
        Assert.Contains("account_link_requests", await _database.TableNamesAsync());
        await _database.QueryAsync<int>("INSERT INTO account_links (chat_user_id, github_login, linked_at) VALUES ('111', 'alice', '2025-03-03T09:00:00.0000000Z')");
        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() =>
            _database.QueryAsync<int>("INSERT INTO account_links (chat_user_id, github_login, linked_at) VALUES ('666', 'Alice', '2025-03-03T09:00:00.0000000Z')"));
    }
}
