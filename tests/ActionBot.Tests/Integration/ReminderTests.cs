using System.Net;
using ActionBot.Core.Ports;
using ActionBot.Core.Reminders;
using ActionBot.Scheduling;
using ActionBot.Testing;
using ActionBot.Testing.Chat;
using ActionBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static ActionBot.Tests.Infrastructure.PaymentPostmortem;

namespace ActionBot.Tests.Integration;

/// <summary>
/// Reminders end to end over loopback: a merged postmortem's owners are reminded as the fake clock moves (bob is
/// linked to a chat account, alice is not), until the issues are closed on GitHub.
/// </summary>
public sealed class ReminderTests : IntegrationTest
{

    private readonly RecordingChatNotifier _chat = new();

    public ReminderTests() => Clock = new FakeTimeProvider();

    [Fact]
    public async Task Owners_are_reminded_as_the_clock_moves_until_the_issue_is_closed_by_webhook()
    {
        var app = await StartAsync();
        Assert.Equal(HttpStatusCode.OK, (await app.Client.GetAsync(new Uri("/readyz", UriKind.Relative))).StatusCode);
        await MergeAsync(app);
        Assert.Equal(0, (await SweepAsync(app)).Messages);

        Clock!.SetUtcNow(Wednesday);
        await SweepAsync(app);
        await SweepAsync(app);

        Assert.Equal(2, _chat.Calls);
        var bob = Assert.Single(_chat.Reminders, r => r.Recipient.ChatUserId == "discord-bob");
        Assert.Equal((ReminderKind.BeforeDue, "bob"), (Assert.Single(bob.Items).Kind, bob.Recipient.GitHubLogin));
        var alice = Assert.Single(_chat.Reminders, r => r.Recipient.ChatUserId is null);
        Assert.Equal(("alice", Channel), (alice.Recipient.GitHubLogin, alice.Recipient.ChannelId));

        Clock.SetUtcNow(Friday);
        await SweepAsync(app);
        Assert.Equal(4, _chat.Reminders.Count);
        Assert.All(_chat.Reminders.Skip(2), r => Assert.Equal(ReminderKind.OnDue, Assert.Single(r.Items).Kind));

        await IssueClosing.CloseByWebhookAsync(app, IssueOf(GitHub, "alice"));
        Clock.SetUtcNow(Monday);
        await SweepAsync(app);

        var overdue = Assert.Single(_chat.Reminders.Skip(4));
        Assert.Equal(("bob", ReminderKind.Overdue), (overdue.Recipient.GitHubLogin, Assert.Single(overdue.Items).Kind));
        var comment = Assert.Single(Repository.Issue(IssueOf(GitHub, "bob"))!.Comments);
        Assert.Contains("overdue1@2025-03-07", comment.Body, StringComparison.Ordinal);
        Assert.Empty(Repository.Issue(IssueOf(GitHub, "alice"))!.Comments);
        app.AssertLogsAreClean();
    }

    [Fact]
    public async Task Issue_closed_while_its_webhook_was_missed_stops_reminders_once_reconcile_sees_it()
    {
        var app = await StartAsync();
        await MergeAsync(app);
        Clock!.SetUtcNow(Friday);
        await SweepAsync(app);
        Assert.Equal(2, _chat.Reminders.Count);

        await IssueClosing.CloseOnGitHubAsync(GitHub, IssueOf(GitHub, "bob"));
        await IssueClosing.CloseOnGitHubAsync(GitHub, IssueOf(GitHub, "alice"));
        await app.Services.GetRequiredService<GitHubReconcileJob>().RunAsync(CancellationToken.None);
        Clock.SetUtcNow(Monday);
        await SweepAsync(app);
        Clock.SetUtcNow(Monday.AddDays(3));
        await SweepAsync(app);

        Assert.Equal(2, _chat.Calls);
        Assert.Empty(await app.GetItemsAsync("open"));
        app.AssertLogsAreClean();
    }

    [Fact]
    public async Task Bot_restarted_in_the_middle_of_a_day_with_due_reminders_sends_each_exactly_once()
    {
        var first = await StartAsync();
        await MergeAsync(first);
        Clock!.SetUtcNow(Wednesday);
        await SweepAsync(first);
        Clock.Advance(TimeSpan.FromHours(4));
        await first.DisposeAsync();

        // The restarted bot sweeps at start, mid-day: Wednesday's reminders were sent and recorded.
        var second = await StartAsync();
        Assert.Equal(2, _chat.Calls);

        // It dies on Friday right after enqueuing the first reminder, before anything was recorded.
        Clock.SetUtcNow(Friday.AddHours(2));
        _chat.CrashAfterReminder = 1;
        Assert.Null(await second.Services.GetRequiredService<ReminderSweepJob>().RunAsync(CancellationToken.None));
        await second.DisposeAsync();
        var third = await StartAsync();
        await SweepAsync(third);

        // The third bot computed the same message again (same key, so the outbox sends it once) and the other one.
        Assert.Equal(5, _chat.Calls);
        Assert.Equal(4, _chat.Reminders.Count);
        Assert.Equal(2, _chat.Reminders.Count(r => r.Items.Single().Kind == ReminderKind.OnDue));
        first.AssertLogsAreClean();
        third.AssertLogsAreClean();
    }

    [Fact]
    public async Task Weekly_digest_lists_the_open_items_of_the_repository_channel()
    {
        var app = await StartAsync();
        await MergeAsync(app);
        Clock!.SetUtcNow(Monday);

        Assert.Equal(1, await app.Services.GetRequiredService<WeeklyDigestJob>().RunAsync(CancellationToken.None));

        var digest = Assert.Single(_chat.Digests);
        Assert.Equal(($"digest:{Channel}:2025-03-10", Channel), (digest.Key, digest.ChannelId));
        var group = Assert.Single(digest.Open);
        Assert.Equal(PaymentPostmortem.Path, group.Postmortem.Path);
        Assert.All(group.Items, e => Assert.True(e.Overdue));
        Assert.Equal((0.0, 0.0), (digest.CompletionRate, digest.PreviousCompletionRate));
        app.AssertLogsAreClean();
    }

    private Task<ActionBotApplication> StartAsync() => StartBotAsync(
        settings: s => s["ActionBot:GitHub:Repositories:0:DiscordChannelId"] = Channel,
        services: s =>
        {
            s.AddSingleton<IChatNotifier>(_chat);
            s.AddSingleton<IAccountLinks>(new LinkedAccounts(("bob", "discord-bob")));
        });

    private static async Task<ReminderSweepReport> SweepAsync(ActionBotApplication app) =>
        await app.Services.GetRequiredService<ReminderSweepJob>().RunAsync(CancellationToken.None) ?? throw new InvalidOperationException("The sweep failed.");

    private sealed class LinkedAccounts(params (string Login, string ChatUser)[] links) : IAccountLinks
    {
        public Task<bool> TryLinkAsync(string chatUserId, string gitHubLogin, DateTimeOffset at, CancellationToken cancellationToken) => Task.FromResult(false);

        public Task<string?> GetGitHubLoginAsync(string chatUserId, CancellationToken cancellationToken) =>
            Task.FromResult(links.Where(l => l.ChatUser == chatUserId).Select(l => l.Login).FirstOrDefault());

        public Task<string?> GetChatUserIdAsync(string gitHubLogin, CancellationToken cancellationToken) =>
            Task.FromResult(links.Where(l => string.Equals(l.Login, gitHubLogin, StringComparison.OrdinalIgnoreCase)).Select(l => l.ChatUser).FirstOrDefault());
    }
}
