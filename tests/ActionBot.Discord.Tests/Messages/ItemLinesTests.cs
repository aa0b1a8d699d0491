using ActionBot.Core.Tracking;
using ActionBot.Discord.Messages;

namespace ActionBot.Discord.Tests.Messages;

public sealed class ItemLinesTests
{
    [Fact]
    public void An_item_with_an_issue_links_it_without_a_preview()
    {
        var item = SampleItems.Item("Add an alert", issue: 42);

        Assert.Equal("[#42](<https://github.com/acme/services/issues/42>)", ItemLines.Issue(item));
    }

    [Fact]
    public void An_item_without_an_issue_says_so()
    {
        Assert.Equal("no issue yet", ItemLines.Issue(SampleItems.Item("Add an alert", issue: null)));
    }

    [Fact]
    public void Linked_owners_are_mentions_and_the_others_escaped_logins()
    {
        var mentions = new Dictionary<string, string> { ["alice"] = "111111111111111111" };

        var owners = ItemLines.Owners(["alice", "bob_the_builder"], mentions);

        Assert.Equal("<@111111111111111111>, bob\\_the\\_builder", owners);
    }

    [Fact]
    public void Without_mentions_owners_are_text_even_when_linked_elsewhere()
    {
        Assert.Equal("alice, @\u200Beveryone", ItemLines.Owners(["alice", "@everyone"]));
    }

    [Fact]
    public void No_owners_read_as_no_owner()
    {
        Assert.Equal("no owner", ItemLines.Owners([]));
    }

    [Fact]
    public void A_title_is_escaped_and_kept_on_one_line()
    {
        var item = SampleItems.Item("Fix **all** <@&999> things\n@here");

        Assert.Equal("Fix \\*\\*all\\*\\* \\<@&999\\> things @\u200Bhere", ItemLines.Title(item));
    }

    [Fact]
    public void A_postmortem_is_named_by_its_title_else_its_file_name()
    {
        Assert.Equal("DB \\_down\\_", ItemLines.Postmortem(SampleItems.Postmortem(title: "DB _down_")));
        Assert.Equal("2025-03-01-db.md", ItemLines.Postmortem(SampleItems.Postmortem(title: "  ")));
        Assert.Equal("2025-03-01-db.md", ItemLines.Postmortem(SampleItems.Postmortem(title: null)));
    }

    [Fact]
    public void A_date_is_written_year_month_day()
    {
        Assert.Equal("2025-04-07", ItemLines.Date(new DateOnly(2025, 4, 7)));
    }

    [Fact]
    public void A_full_line_has_title_owners_due_date_state_and_issue()
    {
        var item = SampleItems.Item("Rotate keys", ["alice"], issue: 7, state: ItemState.Closed);

        Assert.Equal(
            "• Rotate keys — alice — due 2025-04-07 — closed — [#7](<https://github.com/acme/services/issues/7>)",
            ItemLines.Full(item, new DateOnly(2025, 4, 7)));
        Assert.Equal(
            "• Rotate keys — no owner — no due date — open — no issue yet",
            ItemLines.Full(SampleItems.Item("Rotate keys", issue: null), null));
    }
}
