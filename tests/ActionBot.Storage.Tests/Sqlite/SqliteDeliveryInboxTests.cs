using ActionBot.Storage.Tests.Contracts;
using ActionBot.Storage.Tests.TestKit;

namespace ActionBot.Storage.Tests.Sqlite;

/// <summary>The inbox contract on a real SQLite file, and what only SQLite has.</summary>
public sealed class SqliteDeliveryInboxTests : DeliveryInboxContract
{
    private readonly TempDatabase _database;

    public SqliteDeliveryInboxTests()
        : this(new TempDatabase())
    {
    }

    private SqliteDeliveryInboxTests(TempDatabase database)
        : base(database) => _database = database;

    [StorageFact]
    public async Task The_pruning_query_finds_done_deliveries_through_the_due_index()
    {
        await _database.StartAsync();

        var plan = (await _database.QueryAsync<(long Id, long Parent, long NotUsed, string Detail)>(
            "EXPLAIN QUERY PLAN " + InboxSql.PruneDone, new { Before = "x", Batch = 10 })).Select(step => step.Detail).ToList();

        Assert.Contains(plan, step => step.Contains("ix_webhook_deliveries_due (status=? AND next_attempt_at<?)", StringComparison.Ordinal));
    }
}
