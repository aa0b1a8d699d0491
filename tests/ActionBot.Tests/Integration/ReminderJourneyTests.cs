using ActionBot.Core.Reminders;
using ActionBot.Scheduling;
using ActionBot.Testing;
using ActionBot.Testing.Discord;
using ActionBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace ActionBot.Tests.Integration;

/// <summary>
/// The whole way as users meet it, over loopback: a postmortem merged on (fake) GitHub, its owners reminded through the
/// real Discord notifier, outbox and sender against the fake Discord as the fake clock moves, closing the issues stopping
/// the reminders, the weekly digest in the repository's channel.
/// </summary>
public sealed class ReminderJourneyTests : IntegrationTest
{
    private const string Channel = "1180000000000000003";
    private const string BobUserId = "900000000000000222";
    private const string Path = "postmortems/2025-03-03-payment-timeouts.md";

    // Due Friday 7 March: reminded Wednesday 5th, Friday 7th, then Monday 10th, Thursday 13th ...
    private const string Postmortem = """
        # Payment gateway timeouts (March 3, 2025)

        ## Action items

        - [ ] Add a circuit breaker to the payment client (owner: @alice, due 2025-03-07)
        - [ ] Alert on gateway p99 latency above two seconds (owner: @bob, due 2025-03-07)

        """;

    // Item titles as messages show them: the whole first sentence, Markdown escaped.
    private const string AliceItem = @"Add a circuit breaker to the payment client \(owner: @alice, due 2025-03-07\)";
    private const string BobItem = @"Alert on gateway p99 latency above two seconds \(owner: @bob, due 2025-03-07\)";

    private static readonly DateTimeOffset Wednesday = new(2025, 3, 5, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Friday = new(2025, 3, 7, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Monday = new(2025, 3, 10, 9, 0, 0, TimeSpan.Zero);

    public ReminderJourneyTests()
    {
        UsesDiscord = true;
        Clock = new FakeTimeProvider();
    }

    private FakeDiscordServer Fake => Discord!;

    [Fact]
    public async Task Owners_get_their_reminders_in_Discord_until_their_issues_are_closed_by_webhook_or_found_closed_by_reconcile()
    {
        var app = await StartBotAsync(s => s["ActionBot:GitHub:Repositories:0:DiscordChannelId"] = Channel);
        var linked = await InteractionAnswer.AskAsync(app, InteractionBuilder.Command("link").With("github", "bob").From(BobUserId));
        Assert.True(linked.Ephemeral);
        await MergeAsync(app);
        var announcement = Assert.Single(Fake.Messages);
        Assert.Equal(Channel, announcement.ChannelId);

        Clock!.SetUtcNow(Wednesday);
        Assert.Equal(2, (await SweepAsync(app)).Messages);
        var bobDm = Fake.DmChannelOf(BobUserId);
        Assert.Contains("POST /api/v10/users/@me/channels", Fake.Requests);
        var dm = Assert.Single(Fake.Messages, m => m.ChannelId == bobDm);
        Assert.StartsWith("**Reminder:** 1 action item of yours needs attention.", dm.Content, StringComparison.Ordinal);
        Assert.Contains($"{BobItem} — due 2025-03-07 — {IssueLink(IssueOf("bob"))}", dm.Content, StringComparison.Ordinal);
        Assert.DoesNotContain("circuit breaker", dm.Content, StringComparison.Ordinal);
        var inChannel = Assert.Single(Fake.Messages.Skip(1), m => m.ChannelId == Channel);
        Assert.StartsWith("**Reminder for alice:** 1 action item needs attention.", inChannel.Content, StringComparison.Ordinal);
        Assert.Contains(IssueLink(IssueOf("alice")), inChannel.Content, StringComparison.Ordinal);
        Assert.All(Fake.Messages, m => Assert.Equal(Array.Empty<string>(), m.AllowedParse));

        Clock.SetUtcNow(Friday);
        Assert.Equal(2, (await SweepAsync(app)).Messages);
        Assert.Contains("due today", Fake.Messages.Last(m => m.ChannelId == bobDm).Content, StringComparison.Ordinal);

        // Alice closes her issue; GitHub tells the bot. From Monday only Bob is reminded, in his DM.
        await IssueClosing.CloseByWebhookAsync(app, IssueOf("alice"));
        Clock.SetUtcNow(Monday);
        var before = Fake.Messages.Count;
        Assert.Equal(1, (await SweepAsync(app)).Messages);
        var overdue = Assert.Single(Fake.Messages.Skip(before));
        Assert.Equal(bobDm, overdue.ChannelId);
        Assert.Contains("overdue by 3 days (due 2025-03-07)", overdue.Content, StringComparison.Ordinal);
        Assert.Equal(2, Fake.Messages.Count(m => m.ChannelId == Channel && m.Content.StartsWith("**Reminder for alice:**", StringComparison.Ordinal)));

        // Bob closes his on GitHub and the webhook is lost: the reconcile pass finds it, and Thursday's sweep sends nothing.
        await IssueClosing.CloseOnGitHubAsync(GitHub, IssueOf("bob"));
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
        Clock!.SetUtcNow(Friday);
        await IssueClosing.CloseByWebhookAsync(app, IssueOf("alice"));
        Clock.SetUtcNow(Monday);

        Assert.Equal(1, await app.Services.GetRequiredService<WeeklyDigestJob>().RunAsync(CancellationToken.None));
        await app.ChatOutbox.WaitUntilAllSentAsync(ActionBotApplication.WaitLimit);
        var asked = await InteractionAnswer.AskAsync(app, InteractionBuilder.Command("digest").InChannel(Channel));

        var digest = Fake.Messages[^1];
        Assert.Equal(Channel, digest.ChannelId);
        Assert.StartsWith("**Postmortem digest, week of 2025-03-10**\n1 open action item (1 overdue), 1 closed this week; 50% of all items done (a week ago: 0%).", digest.Content, StringComparison.Ordinal);
        Assert.Contains($"{BobItem} — bob — **overdue**, was due 2025-03-07 — {IssueLink(IssueOf("bob"))}", digest.Content, StringComparison.Ordinal);
        Assert.Contains($"__Closed this week__\n• {AliceItem} — {IssueLink(IssueOf("alice"))}", digest.Content, StringComparison.Ordinal);
        Assert.True(asked.Ephemeral);
        Assert.Equal(digest.Content, asked.Content);
        app.AssertLogsAreClean();
    }

    private static async Task<ReminderSweepReport> SweepAsync(ActionBotApplication app)
    {
        var report = await app.Services.GetRequiredService<ReminderSweepJob>().RunAsync(CancellationToken.None) ?? throw new InvalidOperationException("The sweep failed.");
        await app.ChatOutbox.WaitUntilAllSentAsync(ActionBotApplication.WaitLimit);
        return report;
    }

    private async Task MergeAsync(ActionBotApplication app)
    {
        using var response = await app.PostWebhookAsync("pull_request", MergedPullRequest.Seed(GitHub, 42, [new PostmortemFile(Path, Postmortem)]));
        await app.DrainAsync();
        await app.ChatOutbox.WaitUntilAllSentAsync(ActionBotApplication.WaitLimit);
        Assert.Equal(2, (await app.GetItemsAsync("open")).Count(i => i.IssueNumber is not null));
    }

    private int IssueOf(string owner) => Repository.Issues.Single(i => i.Title.Contains(owner == "alice" ? "circuit breaker" : "p99", StringComparison.Ordinal)).Number;

    private static string IssueLink(int number) => $"[#{number}](<https://github.com/{ActionBotApplication.Repository}/issues/{number}>)";
}
