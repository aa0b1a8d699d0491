using ActionBot.Core.Reminders;
using ActionBot.Core.Tracking;
using ActionBot.Discord.Messages;

namespace ActionBot.Discord.Tests.Messages;

public sealed class DigestRendererTests
{
    private static readonly DateOnly WeekOf = new(2025, 3, 3);

    [Fact]
    public void The_digest_sums_up_then_lists_open_items_by_postmortem_and_closed_ones()
    {
        var digest = new WeeklyDigest(
            "digest:key",
            "900",
            WeekOf,
            [
                new DigestGroup(SampleItems.Postmortem(), [
                    new DigestEntry(SampleItems.Item("Late one", ["alice"], issue: 1), new DateOnly(2025, 2, 20), Overdue: true),
                    new DigestEntry(SampleItems.Item("On time", [], issue: null), new DateOnly(2025, 3, 20), Overdue: false),
                ]),
            ],
            [SampleItems.Item("Done", issue: 5)],
            CompletionRate: 0.5,
            PreviousCompletionRate: 0.25);

        var message = DigestRenderer.Render(digest);

        Assert.Equal(
            ["**Postmortem digest, week of 2025-03-03**\n"
             + "2 open action items (1 overdue), 1 closed this week; 50% of all items done (a week ago: 25%).\n"
             + "__Database outage__\n"
             + "• Late one — alice — **overdue**, was due 2025-02-20 — [#1](<https://github.com/acme/services/issues/1>)\n"
             + "• On time — no owner — due 2025-03-20 — no issue yet\n"
             + "__Closed this week__\n"
             + "• Done — [#5](<https://github.com/acme/services/issues/5>)"],
            message.Pages);
    }

    [Fact]
    public void A_postmortem_with_a_tracking_issue_links_it_beside_its_title()
    {
        var postmortem = SampleItems.Postmortem() with
        {
            Tracking = new TrackingRecord { Repository = "acme/services", Number = 40, Url = "https://github.com/acme/services/issues/40" },
        };
        var digest = new WeeklyDigest("k", null, WeekOf, [new DigestGroup(postmortem, [new DigestEntry(SampleItems.Item("Only"), WeekOf, false)])], [], 0, null);

        var page = Assert.Single(DigestRenderer.Render(digest).Pages);

        Assert.Contains("__Database outage__ · [tracking issue #40](<https://github.com/acme/services/issues/40>)\n", page, StringComparison.Ordinal);
    }

    [Fact]
    public void One_open_item_is_singular_and_a_first_week_has_no_trend()
    {
        var digest = new WeeklyDigest("k", null, WeekOf,
            [new DigestGroup(SampleItems.Postmortem(), [new DigestEntry(SampleItems.Item("Only"), WeekOf, false)])],
            [], 0, null);

        var page = Assert.Single(DigestRenderer.Render(digest).Pages);

        Assert.Contains("\n1 open action item (0 overdue), 0 closed this week; 0% of all items done.\n", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Closed this week", page, StringComparison.Ordinal);
    }

    [Fact]
    public void The_digest_pings_nobody_and_escapes_untrusted_text()
    {
        var digest = new WeeklyDigest("k", "900", WeekOf,
            [new DigestGroup(SampleItems.Postmortem(title: "@everyone [down](https://x)"), [new DigestEntry(SampleItems.Item("Fix <@123>", ["@here"]), WeekOf, false)])],
            [SampleItems.Item("~~gone~~")], 1, null);

        var message = DigestRenderer.Render(digest);

        Assert.Empty(message.Mentions.Users);
        Assert.Empty(message.Mentions.Parse);
        var page = Assert.Single(message.Pages);
        Assert.Contains("__@\u200Beveryone \\[down\\]\\(https://x\\)__", page, StringComparison.Ordinal);
        Assert.Contains("• Fix \\<@123\\> — @\u200Bhere —", page, StringComparison.Ordinal);
        Assert.Contains("• \\~\\~gone\\~\\~ —", page, StringComparison.Ordinal);
    }

    [Fact]
    public void A_large_digest_keeps_to_the_page_limit_and_counts_what_it_leaves_out()
    {
        var groups = Enumerable.Range(1, 30).Select(g => new DigestGroup(
            SampleItems.Postmortem(title: $"Postmortem {g}"),
            [.. Enumerable.Range(1, 20).Select(i => new DigestEntry(SampleItems.Item($"Item {g}.{i} with a fairly long title to fill the page", ["alice"], issue: i), WeekOf, i % 2 == 0))]))
            .ToList();
        var digest = new WeeklyDigest("k", "900", WeekOf, groups, [], 0.1, 0.05);

        var message = DigestRenderer.Render(digest, maxMessages: 3);

        Assert.Equal(3, message.Pages.Count);
        Assert.All(message.Pages, p => Assert.InRange(p.Length, 1, MessageSplitter.MaxContentLength));
        Assert.StartsWith("**Postmortem digest, week of 2025-03-03**\n600 open action items (300 overdue)", message.Pages[0], StringComparison.Ordinal);
        var shown = message.Pages.Sum(p => p.Split('\n').Count(l => l.StartsWith("• ", StringComparison.Ordinal) || l.StartsWith("__", StringComparison.Ordinal)));
        Assert.EndsWith($"… and {630 - shown} more", message.Pages[^1], StringComparison.Ordinal);
    }
}
