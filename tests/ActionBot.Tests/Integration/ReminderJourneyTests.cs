using ActionBot.Core.Reminders;
using ActionBot.Scheduling;
using ActionBot.Testing;
using ActionBot.Testing.Discord;
using ActionBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static ActionBot.Tests.Infrastructure.PaymentPostmortem;

namespace ActionBot.Tests.Integration;

/// <summary>
/// The whole way as users meet it, over loopback: a postmortem merged on (fake) GitHub, its owners reminded through the
/// real Discord notifier, outbox and sender against the fake Discord as the fake clock moves, closing the issues stopping
/// the reminders, the weekly digest in the repository's channel.
/// </summary>
public sealed class ReminderJourneyTests : IntegrationTest
{
    private const string BobUserId = "900000000000000222";

    // Item titles as messages show them: the task, without the owner and due notes read into their fields.
    private const string AliceItem = "Add a circuit breaker to the payment client";
    private const string BobItem = "Alert on gateway p99 latency above two seconds";

    public ReminderJourneyTests()
    {
        UsesDiscord = true;
        Clock = new FakeTimeProvider();
    }

    private FakeDiscordServer Fake => Discord!;

    // Bob's link as an admin sets it (AccountLinkTests goes through GitHub's device flow).
    private static void LinkedBob(Dictionary<string, string?> settings)
    {
        settings["ActionBot:GitHub:Repositories:0:DiscordChannelId"] = Channel;
        settings["ActionBot:Discord:UserLinks:" + BobUserId] = "bob";
    }

    [Fact]
    public async Task Owners_get_their_reminders_in_Discord_until_their_issues_are_closed_by_webhook_or_found_closed_by_reconcile()
    {
        var app = await StartBotAsync(LinkedBob);
        await MergeAsync(app);
        await app.ChatOutbox.WaitUntilAllSentAsync(ActionBotApplication.WaitLimit);
        var announcement = Assert.Single(Fake.Messages);
        Assert.Equal(Channel, announcement.ChannelId);

        Clock!.SetUtcNow(Wednesday);
        Assert.Equal(2, (await SweepAsync(app)).Messages);
        var bobDm = Fake.DmChannelOf(BobUserId);
        Assert.Contains("POST /api/v10/users/@me/channels", Fake.Requests);
        var dm = Assert.Single(Fake.Messages, m => m.ChannelId == bobDm);
        Assert.StartsWith("**Reminder:** 1 action item of yours needs attention.", dm.Content, StringComparison.Ordinal);
        Assert.Contains($"{BobItem} — due 2025-03-07 — {IssueLink(IssueOf(GitHub, "bob"))}", dm.Content, StringComparison.Ordinal);
        Assert.DoesNotContain("circuit breaker", dm.Content, StringComparison.Ordinal);
        var inChannel = Assert.Single(Fake.Messages.Skip(1), m => m.ChannelId == Channel);
        Assert.StartsWith("**Reminder for alice:** 1 action item needs attention.", inChannel.Content, StringComparison.Ordinal);
        Assert.Contains(IssueLink(IssueOf(GitHub, "alice")), inChannel.Content, StringComparison.Ordinal);
        Assert.All(Fake.Messages, m => Assert.Equal(Array.Empty<string>(), m.AllowedParse));

        Clock.SetUtcNow(Friday);
        Assert.Equal(2, (await SweepAsync(app)).Messages);
        Assert.Contains("due today", Fake.Messages.Last(m => m.ChannelId == bobDm).Content, StringComparison.Ordinal);

        // Alice closes her issue; GitHub tells the bot. From Monday only Bob is reminded, in his DM.
        await IssueClosing.CloseByWebhookAsync(app, IssueOf(GitHub, "alice"));
        Clock.SetUtcNow(Monday);
        var before = Fake.Messages.Count;
        Assert.Equal(1, (await SweepAsync(app)).Messages);
        var overdue = Assert.Single(Fake.Messages.Skip(before));
        Assert.Equal(bobDm, overdue.ChannelId);
        Assert.Contains("overdue by 3 days (due 2025-03-07)", overdue.Content, StringComparison.Ordinal);
        Assert.Equal(2, Fake.Messages.Count(m => m.ChannelId == Channel && m.Content.StartsWith("**Reminder for alice:**", StringComparison.Ordinal)));

        // Bob closes his on GitHub and the webhook is lost: the reconcile pass finds it, and Thursday's sweep sends nothing.
        await IssueClosing.CloseOnGitHubAsync(GitHub, IssueOf(GitHub, "bob"));
        await app.Services.GetRequiredService<GitHubReconcileJob>().RunAsync(CancellationToken.None);
        Clock.SetUtcNow(Monday.AddDays(3));
        before = Fake.Messages.Count;
        Assert.Equal(0, (await SweepAsync(app)).Messages);
        Assert.Equal(before, Fake.Messages.Count);
        Assert.Empty(await app.GetItemsAsync("open"));
        app.AssertLogsAreClean();
    }

    [Fact]
    public async Task Weekly_digest_is_posted_to_the_repository_channel_and_the_digest_command_shows_the_same_text_privately()
    {
        var app = await StartBotAsync(s => s["ActionBot:GitHub:Repositories:0:DiscordChannelId"] = Channel);
        await MergeAsync(app);
        await app.ChatOutbox.WaitUntilAllSentAsync(ActionBotApplication.WaitLimit);
        Clock!.SetUtcNow(Friday);
        await IssueClosing.CloseByWebhookAsync(app, IssueOf(GitHub, "alice"));
        Clock.SetUtcNow(Monday);

        Assert.Equal(1, await app.Services.GetRequiredService<WeeklyDigestJob>().RunAsync(CancellationToken.None));
        await app.ChatOutbox.WaitUntilAllSentAsync(ActionBotApplication.WaitLimit);
        var asked = await InteractionAnswer.AskAsync(app, InteractionBuilder.Command("digest").InChannel(Channel));

        var digest = Fake.Messages[^1];
        Assert.Equal(Channel, digest.ChannelId);
        Assert.StartsWith("**Postmortem digest, week of 2025-03-10**\n1 open action item (1 overdue), 1 closed this week; 50% of all items done (a week ago: 0%).", digest.Content, StringComparison.Ordinal);
        Assert.Contains($"{BobItem} — bob — **overdue**, was due 2025-03-07 — {IssueLink(IssueOf(GitHub, "bob"))}", digest.Content, StringComparison.Ordinal);
        Assert.Contains($"__Closed this week__\n• {AliceItem} — {IssueLink(IssueOf(GitHub, "alice"))}", digest.Content, StringComparison.Ordinal);
        Assert.True(asked.Ephemeral);
        Assert.Equal(digest.Content, asked.Content);
        app.AssertLogsAreClean();
    }

    [Fact]
    public async Task A_snoozed_item_is_not_reminded_until_its_snooze_ends_and_tasks_shows_a_closed_item_as_closed()
    {
        var app = await StartBotAsync(LinkedBob);
        await MergeAsync(app);
        var snoozed = await InteractionAnswer.AskAsync(app, InteractionBuilder.Command("snooze").With("item", $"#{IssueOf(GitHub, "bob")}").With("days", 7).From(BobUserId));
        Assert.Contains("snoozed until 2025-03-10", snoozed.Content, StringComparison.Ordinal);

        Clock!.SetUtcNow(Wednesday);
        await SweepAsync(app);
        Clock.SetUtcNow(Friday);
        await SweepAsync(app);
        var bobDm = Fake.DmChannelOf(BobUserId);
        Assert.DoesNotContain(Fake.Messages, m => m.ChannelId == bobDm);
        Assert.Equal(2, Fake.Messages.Count(m => m.Content.StartsWith("**Reminder for alice:**", StringComparison.Ordinal)));

        // The snooze ends Monday at the time it was given: the latest slot (the first overdue one) is sent, once.
        Clock.SetUtcNow(Monday);
        await SweepAsync(app);
        await SweepAsync(app);
        Assert.Contains("overdue by 3 days", Assert.Single(Fake.Messages, m => m.ChannelId == bobDm).Content, StringComparison.Ordinal);

        await IssueClosing.CloseByWebhookAsync(app, IssueOf(GitHub, "alice"));
        var tasks = await InteractionAnswer.AskAsync(app, InteractionBuilder.Command("tasks").With("source", "#42"));
        Assert.Contains($"{AliceItem} — alice — due 2025-03-07 — closed — {IssueLink(IssueOf(GitHub, "alice"))}", tasks.Content, StringComparison.Ordinal);
        Assert.Contains($"{BobItem} — bob — due 2025-03-07 — open — {IssueLink(IssueOf(GitHub, "bob"))}", tasks.Content, StringComparison.Ordinal);
        app.AssertLogsAreClean();
    }

    [Fact]
    public async Task Overdue_command_dates_items_without_a_due_date_by_their_priority()
    {
        var app = await StartBotAsync();
        const string Priorities = """
            # Queue backlog (March 3, 2025)

            ## Action items

            - [ ] Page on queue backlog over ten minutes (P1, owner: @carol)
            - [ ] Rehearse the broker failover every quarter (owner: @dave)

            """;
        using var merged = await app.PostWebhookAsync("pull_request", MergedPullRequest.Seed(GitHub, 7, [new PostmortemFile("postmortems/2025-03-03-queue.md", Priorities)]));
        await app.DrainAsync();

        // Merged Monday 3 March: the P1 item is due 14 days later (the 17th), the other after the default 30 (2 April).
        Clock!.SetUtcNow(new DateTimeOffset(2025, 3, 19, 9, 0, 0, TimeSpan.Zero));
        var overdue = await InteractionAnswer.AskAsync(app, InteractionBuilder.Command("overdue"));

        Assert.StartsWith("**Overdue action items**: 1", overdue.Content, StringComparison.Ordinal);
        Assert.Contains("due 2025-03-17 — open", overdue.Content, StringComparison.Ordinal);
        Assert.Contains("— 2 days overdue", overdue.Content, StringComparison.Ordinal);
        Assert.DoesNotContain("Rehearse", overdue.Content, StringComparison.Ordinal);
        app.AssertLogsAreClean();
    }

    private static async Task<ReminderSweepReport> SweepAsync(ActionBotApplication app)
    {
        var report = await app.Services.GetRequiredService<ReminderSweepJob>().RunAsync(CancellationToken.None) ?? throw new InvalidOperationException("The sweep failed.");
        await app.ChatOutbox.WaitUntilAllSentAsync(ActionBotApplication.WaitLimit);
        return report;
    }

    private static string IssueLink(int number) => $"[#{number}](<https://github.com/{ActionBotApplication.Repository}/issues/{number}>)";
}
