using ActionBot.Storage.Sqlite;
using ActionBot.Storage.Tests.Contracts;
using ActionBot.Storage.Tests.TestKit;

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
