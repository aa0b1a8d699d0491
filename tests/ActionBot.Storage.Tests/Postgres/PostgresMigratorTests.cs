using ActionBot.Storage.Postgres;
using ActionBot.Storage.Tests.Contracts;
using ActionBot.Storage.Tests.TestKit;
using Dapper;
using Npgsql;

namespace ActionBot.Storage.Tests.Postgres;

/// <summary>The migrator contract on the run's PostgreSQL server, and what only PostgreSQL has.</summary>
[Collection(SharedPostgresServer.Name)]
[RequiresPostgres]
public sealed class PostgresMigratorTests : SchemaMigratorContract
{
    private readonly PostgresTestDatabase _database;

    public PostgresMigratorTests(PostgresFixture postgres)
        : this(new PostgresTestDatabase(postgres, typeof(PostgresMigratorTests)))
    {
    }

    private PostgresMigratorTests(PostgresTestDatabase database)
        : base(database) => _database = database;

    [StorageFact]
    public async Task Webhook_bodies_are_bytea_and_timestamps_text()
    {
        await _database.StartAsync();

        var types = await _database.QueryAsync<(string Column, string Type)>(
            "SELECT column_name::text, data_type::text FROM information_schema.columns WHERE table_name IN ('webhook_deliveries', 'webhook_delivery_bodies') AND column_name IN ('body', 'received_at') ORDER BY column_name");

        Assert.Equal([("body", "bytea"), ("received_at", "text")], types);
    }

    [StorageFact]
    public async Task The_migration_lock_is_released_when_migrating_ends()
    {
        // The lock is a session lock and the migrator's connection goes back to the pool: a lock left behind
        // would stop the next replica's start for good.
        var database = await _database.StartAsync();
        await _database.Migrator(database).MigrateAsync(CancellationToken.None);

        await using var other = new NpgsqlConnection(_database.ConnectionString);
        Assert.True(await other.ExecuteScalarAsync<bool>("SELECT pg_try_advisory_lock(@Key)", new { Key = PostgresMigrator.MigrationLockKey }));
    }

    [StorageFact]
    public async Task A_replica_starting_while_another_migrates_waits_for_it()
    {
        var first = _database.NewDatabase();
        await using var holder = await first.OpenConnectionAsync(CancellationToken.None);
        await holder.ExecuteAsync("SELECT pg_advisory_lock(@Key)", new { Key = PostgresMigrator.MigrationLockKey });
        var waiting = Task.Run(() => _database.NewMigrator().MigrateAsync(CancellationToken.None));

        // Until the server shows the migrator queued on the lock; a migrator that did not wait would finish instead.
        while ((await _database.QueryAsync<long>("SELECT COUNT(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted")).Single() == 0)
        {
            Assert.False(waiting.IsCompleted, "The migrator did not wait for the lock.");
        }

        Assert.Empty(await _database.TableNamesAsync());
        await holder.ExecuteAsync("SELECT pg_advisory_unlock(@Key)", new { Key = PostgresMigrator.MigrationLockKey });

        Assert.True(await waiting > 0);
        Assert.Contains("schema_migrations", await _database.TableNamesAsync());
    }
}
