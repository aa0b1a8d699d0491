using ActionBot.Core.Ports;
using ActionBot.Core.Tracking;

namespace ActionBot.Core.Tests.Ports;

/// <summary>Paging items held in memory (the dashboard's dry run) in the stores' order, and the query they match.</summary>
public sealed class ItemPageTests
{
    private static readonly DateTimeOffset Start = new(2025, 3, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Following_next_sees_every_item_once_in_creation_then_key_order()
    {
        // Two items share a creation time: the key breaks the tie.
        var items = new[] { Item("c", 2), Item("a", 0), Item("e", 1), Item("b", 1), Item("d", 3) };

        var seen = new List<string>();
        ItemPosition? after = null;
        var pages = 0;
        do
        {
            var page = ItemPage.Slice(items, new ItemQuery(ItemStateFilter.All), after, 2);
            seen.AddRange(page.Items.Select(i => i.Key));
            after = page.Next;
            pages++;
        }
        while (after is not null);

        Assert.Equal(["a", "b", "e", "c", "d"], seen);
        Assert.Equal(3, pages);
    }

    [Fact]
    public void A_page_that_ends_exactly_at_the_last_item_has_no_next()
    {
        var page = ItemPage.Slice([Item("a", 0), Item("b", 1)], new ItemQuery(ItemStateFilter.All), null, 2);

        Assert.Equal(2, page.Items.Count);
        Assert.Null(page.Next);
    }

    [Theory]
    [InlineData(ItemStateFilter.Open, null, null, "a,c")]
    [InlineData(ItemStateFilter.Closed, null, null, "b")]
    [InlineData(ItemStateFilter.All, "@DANA", null, "a,b")]
    [InlineData(ItemStateFilter.All, null, "ACME/Web", "c")]
    [InlineData(ItemStateFilter.Open, "dana", "acme/ops", "a")]
    public void The_query_matches_as_the_stores_select(ItemStateFilter state, string? owner, string? repository, string expected)
    {
        var items = new[]
        {
            Item("a", 0, owners: ["dana"]),
            Item("b", 1, owners: ["Dana", "lee"]) with { State = ItemState.Closed },
            Item("c", 2, owners: ["dan"]) with { Repository = "acme/web" },
        };

        var page = ItemPage.Slice(items, new ItemQuery(state, owner, repository), null, 10);

        Assert.Equal(expected, string.Join(',', page.Items.Select(i => i.Key)));
    }

    private static TrackedItem Item(string key, int minutes, string[]? owners = null) => new()
    {
        Key = key, Repository = "acme/ops", Path = "p.md", IssueRepository = "acme/ops", ItemId = key, Title = key, Section = "Action items",
        Owners = owners ?? ["ana"], CreatedAt = Start.AddMinutes(minutes), UpdatedAt = Start,
    };
}
