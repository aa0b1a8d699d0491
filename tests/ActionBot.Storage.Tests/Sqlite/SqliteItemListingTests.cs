using ActionBot.Core.Ports;
using ActionBot.Storage.Tests.Contracts;
using ActionBot.Storage.Tests.TestKit;

namespace ActionBot.Storage.Tests.Sqlite;

/// <summary>The paging contract on a real SQLite file, and the plan SQLite picks for a page.</summary>
public sealed class SqliteItemListingTests() : ItemListingContract(new TempDatabase())
{
    [Theory]
    [InlineData(ItemStateFilter.All, "ix_action_items_created")]
    [InlineData(ItemStateFilter.Open, "ix_action_items_state_created")]
    public async Task A_deep_page_is_a_range_read_of_a_creation_index_with_no_sort(ItemStateFilter state, string index)
    {
        using var database = new TempDatabase();
        await database.StoreAsync();
        var (sql, parameters) = ItemSql.Page(new ItemQuery(state), new ItemPosition(DateTimeOffset.UnixEpoch, "k"), 100, SqlDialect.Sqlite);

        var plan = await database.QueryAsync<PlanRow>("EXPLAIN QUERY PLAN " + sql, parameters);

        var steps = string.Join(" | ", plan.Select(p => p.Detail));
        Assert.Matches($"SEARCH (TABLE )?action_items USING INDEX {index} \\(.*\\(created_at,item_key\\)>\\(\\?,\\?\\)\\)", steps);
        Assert.DoesNotContain("TEMP B-TREE", steps, StringComparison.Ordinal);
    }

    private sealed class PlanRow
    {
        public string Detail { get; set; } = "";
    }
}
