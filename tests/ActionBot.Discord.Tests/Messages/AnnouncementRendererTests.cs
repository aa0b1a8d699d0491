using ActionBot.Core.Ports;
using ActionBot.Discord.Messages;

namespace ActionBot.Discord.Tests.Messages;

public sealed class AnnouncementRendererTests
{
    private const string AliceId = "111111111111111111";

    [Fact]
    public void The_announcement_names_the_postmortem_links_its_pull_request_and_lists_each_issue()
    {
        var announcement = new PostmortemAnnouncement(SampleItems.Postmortem(), "900", [SampleItems.Item("Add an alert", ["alice"], issue: 12)]);

        var message = AnnouncementRenderer.Render(announcement, new Dictionary<string, string>());

        Assert.Equal(
            ["**New action items from postmortem Database outage** ([PR #101](<https://github.com/acme/services/pull/101>))\n"
             + "• [#12](<https://github.com/acme/services/issues/12>) Add an alert — alice"],
            message.Pages);
    }

    [Fact]
    public void Without_a_pull_request_no_link_is_shown()
    {
        var announcement = new PostmortemAnnouncement(SampleItems.Postmortem(pullRequest: null), null, [SampleItems.Item("Add an alert")]);

        var page = Assert.Single(AnnouncementRenderer.Render(announcement, new Dictionary<string, string>()).Pages);

        Assert.StartsWith("**New action items from postmortem Database outage**\n", page, StringComparison.Ordinal);
        Assert.DoesNotContain("PR #", page, StringComparison.Ordinal);
    }

    [Fact]
    public void Only_linked_owners_are_pinged_and_untrusted_mentions_stay_text()
    {
        var announcement = new PostmortemAnnouncement(
            SampleItems.Postmortem(title: "@everyone <@&555> outage"),
            "900",
            [
                SampleItems.Item("Page <@222222222222222222> and @here", ["alice", "bob"], issue: 1),
                SampleItems.Item("Second", ["alice"], issue: 2),
            ]);
        var mentions = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["alice"] = AliceId };

        var message = AnnouncementRenderer.Render(announcement, mentions);

        Assert.Equal([AliceId], message.Mentions.Users);
        Assert.Empty(message.Mentions.Parse);
        var page = Assert.Single(message.Pages);
        Assert.Contains($"— <@{AliceId}>, bob", page, StringComparison.Ordinal);
        Assert.Contains("@\u200Beveryone \\<@&555\\> outage", page, StringComparison.Ordinal);
        Assert.Contains("Page \\<@222222222222222222\\> and @\u200Bhere", page, StringComparison.Ordinal);
    }

    [Fact]
    public void A_mention_map_with_a_bad_user_id_pings_nobody_with_it()
    {
        var announcement = new PostmortemAnnouncement(SampleItems.Postmortem(), "900", [SampleItems.Item("Add an alert", ["alice"])]);

        var message = AnnouncementRenderer.Render(announcement, new Dictionary<string, string> { ["alice"] = "everyone" });

        Assert.Empty(message.Mentions.Users);
    }

    [Fact]
    public void A_postmortem_with_hundreds_of_items_stays_within_message_limits()
    {
        var items = Enumerable.Range(1, 400).Select(i => SampleItems.Item($"Item {i} {new string('x', 60)}", ["alice"], issue: i)).ToList();
        var announcement = new PostmortemAnnouncement(SampleItems.Postmortem(), "900", items);

        var message = AnnouncementRenderer.Render(announcement, new Dictionary<string, string>());

        Assert.InRange(message.Pages.Count, 2, 10);
        Assert.All(message.Pages, p => Assert.InRange(p.Length, 1, MessageSplitter.MaxContentLength));
        Assert.Matches(@"… and \d+ more$", message.Pages[^1]);
    }
}
