using ActionBot.Core.Ports;
using ActionBot.Storage.Sqlite;
using ActionBot.Storage.Tests.Contracts;
using ActionBot.Storage.Tests.TestKit;
using Dapper;

namespace ActionBot.Storage.Tests.Sqlite;

/// <summary>The migrator contract on a real SQLite file, and what only SQLite has.</summary>
public sealed class SqliteMigratorTests : SchemaMigratorContract
{
    private readonly TempDatabase _database;

    public SqliteMigratorTests()
        : this(new TempDatabase())
    {
    }

    private SqliteMigratorTests(TempDatabase database)
        : base(database) => _database = database;

    [StorageFact]
    public async Task Migration_0002_moves_the_bodies_of_stored_deliveries_to_their_own_table()
    {
        // A database as 0001 left it: a pending, a claimed, a failed and a done delivery (0001's completion emptied that body).
        var factory = _database.NewFactory();
        await using (var connection = await factory.OpenAsync(CancellationToken.None))
        {
            await connection.ExecuteAsync(
                "CREATE TABLE schema_migrations (version INTEGER NOT NULL PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)");
            await connection.ExecuteAsync(Scripts.Single(s => s.Version == 1).Sql);
            await connection.ExecuteAsync("INSERT INTO schema_migrations VALUES (1, 'initial', '2025-03-03T09:00:00.0000000Z')");
            await connection.ExecuteAsync("""
                INSERT INTO webhook_deliveries (id, event, received_at, status, attempts, next_attempt_at, lease_until, last_error, body) VALUES
                    ('pending', 'push', '2025-03-03T09:00:00.0000000Z', 'pending', 0, '2025-03-03T09:00:00.0000000Z', NULL, NULL, @Pending),
                    ('claimed', 'push', '2025-03-03T08:59:00.0000000Z', 'processing', 1, '2025-03-03T08:59:00.0000000Z', '2025-03-03T09:04:00.0000000Z', NULL, @Claimed),
                    ('failed', 'push', '2025-03-03T09:00:01.0000000Z', 'failed', 12, '2025-03-03T09:00:01.0000000Z', NULL, 'gave up', @Failed),
                    ('done', 'push', '2025-03-03T09:00:02.0000000Z', 'done', 1, '2025-03-03T09:00:02.0000000Z', NULL, NULL, @Empty)
                """,
                new { Pending = "{\"n\":1}"u8.ToArray(), Claimed = "{\"n\":3}"u8.ToArray(), Failed = "{\"n\":2}"u8.ToArray(), Empty = Array.Empty<byte>() });
        }

        Assert.Equal(Scripts.Count - 1, await _database.Migrator(factory).MigrateAsync(CancellationToken.None));

        var bodies = await _database.QueryAsync<(string Id, byte[] Body)>("SELECT id, body FROM webhook_delivery_bodies ORDER BY id");
        Assert.Equal([("claimed", "{\"n\":3}"), ("failed", "{\"n\":2}"), ("pending", "{\"n\":1}")], bodies.Select(b => (b.Id, System.Text.Encoding.UTF8.GetString(b.Body))));
        Assert.DoesNotContain("body", await _database.QueryAsync<string>("SELECT name FROM pragma_table_info('webhook_deliveries')"));
        Assert.Equal(4, (await _database.QueryAsync<long>("SELECT COUNT(*) FROM webhook_deliveries")).Single());

        using var sqliteInbox = new SqliteDeliveryInbox(factory);
        IDeliveryInbox inbox = sqliteInbox;
        var claimed = await inbox.ClaimNextAsync(_database.Time.GetUtcNow(), TimeSpan.FromMinutes(5), CancellationToken.None);
        Assert.Equal(("pending", "{\"n\":1}"), (claimed!.Id, System.Text.Encoding.UTF8.GetString(claimed.Body.Span)));
        var reclaimed = await inbox.ClaimNextAsync(_database.Time.GetUtcNow().AddMinutes(4), TimeSpan.FromMinutes(5), CancellationToken.None);
        Assert.Equal(("claimed", 2, "{\"n\":3}"), (reclaimed!.Id, reclaimed.Attempts, System.Text.Encoding.UTF8.GetString(reclaimed.Body.Span)));
        Assert.False(await inbox.TryAddAsync(new("done", "push", null, null, "{}"u8.ToArray(), _database.Time.GetUtcNow()), CancellationToken.None));
    }

    [StorageFact]
    public async Task The_claim_query_walks_the_due_index_instead_of_scanning_deliveries()
    {
        await _database.StartAsync();

        var plan = (await _database.QueryAsync<(long Id, long Parent, long NotUsed, string Detail)>(
            "EXPLAIN QUERY PLAN " + InboxSql.ClaimBatch,
            new { Now = "x", LeaseUntil = "y", Max = 32 })).Select(step => step.Detail).ToList();

        Assert.Contains(plan, step => step.Contains("ix_webhook_deliveries_due", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, step => step.StartsWith("SCAN webhook_deliveries", StringComparison.Ordinal));
    }
}
