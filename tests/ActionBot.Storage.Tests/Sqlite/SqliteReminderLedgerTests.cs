using ActionBot.Storage.Tests.Contracts;
using ActionBot.Storage.Tests.TestKit;

namespace ActionBot.Storage.Tests.Sqlite;

/// <summary>The ledger contract on a real SQLite file, and what only SQLite has.</summary>
public sealed class SqliteReminderLedgerTests : ReminderLedgerContract
{
    private readonly TempDatabase _database;

    public SqliteReminderLedgerTests()
        : this(new TempDatabase())
    {
    }

    private SqliteReminderLedgerTests(TempDatabase database)
        : base(database) => _database = database;

    [StorageFact]
    public async Task The_sweep_query_uses_an_index_for_open_items()
    {
        await _database.StartAsync();

        var plan = await _database.QueryAsync<PlanStep>("EXPLAIN QUERY PLAN " + ReminderSql.SelectOpenItems);

        Assert.Contains(plan, step => step.Detail.Contains("USING INDEX ix_action_items_open", StringComparison.Ordinal));
        Assert.Contains(plan, step => step.Detail.StartsWith("SEARCH TABLE reminder_state", StringComparison.Ordinal));
    }

    private sealed class PlanStep
    {
        public string Detail { get; set; } = "";
    }
}
