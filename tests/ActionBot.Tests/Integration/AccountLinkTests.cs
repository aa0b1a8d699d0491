using System.Text;
using ActionBot.Core.Ports;
using ActionBot.Core.Reminders;
using ActionBot.Storage;
using ActionBot.Testing;
using ActionBot.Testing.Discord;
using ActionBot.Testing.GitHub;
using ActionBot.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static ActionBot.Tests.Infrastructure.PaymentPostmortem;

namespace ActionBot.Tests.Integration;

/// <summary>
/// <c>/postmortem link</c> end to end (issue 12, point 3): the claim answered with GitHub's one-time code, the fake
/// GitHub's device flow signed in or cancelled by the test, the outcome sent by direct message through the outbox,
/// on a fake clock. A claim grants nothing until GitHub confirms it; a confirmed login is never taken over.
/// </summary>
public sealed class AccountLinkTests : IntegrationTest
{
    private const string AliceUserId = "900000000000000111";
    private const string MalloryUserId = "900000000000000666";
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    public AccountLinkTests()
    {
        UsesDiscord = true;
        Clock = new FakeTimeProvider();
    }

    private FakeDiscordServer Fake => Discord!;

    private FakeDeviceFlow DeviceFlow => GitHub.DeviceFlow;

    [Fact]
    public async Task A_link_counts_once_github_confirms_the_login_and_the_users_token_is_neither_stored_nor_logged()
    {
        var app = await StartBotAsync(InChannel);
        await MergeAsync(app);

        var claim = await InteractionAnswer.AskAsync(app, Link("alice", AliceUserId));
        var code = DeviceFlow.LatestCode;
        var mineWhileWaiting = await InteractionAnswer.AskAsync(app, Mine(AliceUserId));
        DeviceFlow.SignIn(code.UserCode, "Alice");
        Clock!.Advance(Interval);
        await app.PollLinksAsync();
        var confirmed = await DirectMessageAsync(AliceUserId, "GitHub confirmed it");
        var mine = await InteractionAnswer.AskAsync(app, Mine(AliceUserId));

        Assert.True(claim.Ephemeral);
        Assert.Contains($"**{code.UserCode}**", claim.Content, StringComparison.Ordinal);
        Assert.Contains($"(<{new Uri(GitHub.BaseAddress, "login/device").AbsoluteUri}>)", claim.Content, StringComparison.Ordinal);
        Assert.StartsWith("Your link is not confirmed yet, so I list nothing.", mineWhileWaiting.Content, StringComparison.Ordinal);
        Assert.Contains("you are **Alice** on GitHub", confirmed.Content, StringComparison.Ordinal);
        Assert.Equal(Array.Empty<string>(), confirmed.AllowedParse);
        Assert.Contains("circuit breaker", mine.Content, StringComparison.Ordinal);
        Assert.Equal("Alice", await app.Services.GetRequiredService<IAccountLinks>().GetGitHubLoginAsync(AliceUserId, CancellationToken.None));
        var token = Assert.Single(DeviceFlow.IssuedTokens);
        Assert.False(DatabaseFilesContain(app, token), "the user's token was written to the database");
        app.AssertLogsAreClean(); // no token and no device code in any log line, at any level
    }

    [Fact]
    public async Task The_issues_attack_a_member_claiming_a_colleagues_login_gets_neither_her_items_nor_her_snooze_nor_her_reminders()
    {
        var app = await StartBotAsync(InChannel);
        Clock!.SetUtcNow(Wednesday); // the morning alice's item is first reminded
        await MergeAsync(app);
        var herItem = $"#{IssueOf(GitHub, "alice")}";

        var claim = await InteractionAnswer.AskAsync(app, Link("alice", MalloryUserId));
        var mine = await InteractionAnswer.AskAsync(app, Mine(MalloryUserId));
        var snooze = await InteractionAnswer.AskAsync(app, Snooze(herItem, 90, MalloryUserId));
        await app.Services.GetRequiredService<ReminderSweep>().RunAsync(Clock.GetUtcNow(), CancellationToken.None);
        await app.ChatOutbox.WaitUntilAllSentAsync(ActionBotApplication.WaitLimit);

        // He cannot sign in to GitHub as her: he signs in as himself.
        DeviceFlow.SignIn(DeviceFlow.LatestCode.UserCode, "mallory");
        Clock.Advance(Interval);
        await app.PollLinksAsync();
        var told = await DirectMessageAsync(MalloryUserId, "GitHub says the account that signed in is **mallory**, not **alice**");
        var mineAfter = await InteractionAnswer.AskAsync(app, Mine(MalloryUserId));
        var snoozeAfter = await InteractionAnswer.AskAsync(app, Snooze(herItem, 90, MalloryUserId));

        Assert.Contains("enter the code", claim.Content, StringComparison.Ordinal);
        Assert.DoesNotContain("circuit breaker", mine.Content, StringComparison.Ordinal);
        Assert.StartsWith("Sorry, only the owners", snooze.Content, StringComparison.Ordinal);
        Assert.StartsWith("Sorry, only the owners", snoozeAfter.Content, StringComparison.Ordinal);
        Assert.Equal(MineCommandNotLinked, mineAfter.Content);
        var items = await app.Services.GetRequiredService<IActionItemStore>().QueryItemsAsync(new ItemQuery(ItemStateFilter.Open, "alice"), CancellationToken.None);
        Assert.Null(Assert.Single(items).SnoozedUntil);
        var reminder = Assert.Single(Fake.Messages, m => m.Content.StartsWith("**Reminder for alice:**", StringComparison.Ordinal));
        Assert.Equal(Channel, reminder.ChannelId); // in the channel by login, not in his DMs
        Assert.Equal([told], Fake.Messages.Where(m => m.ChannelId == Fake.DmChannelOf(MalloryUserId)));
        Assert.Null(await app.Services.GetRequiredService<IAccountLinks>().GetChatUserIdAsync("alice", CancellationToken.None));
        app.AssertLogsAreClean();
    }

    [Fact]
    public async Task A_login_confirmed_for_one_member_or_set_by_an_admin_is_not_taken_over_and_the_refusal_is_polite()
    {
        var app = await StartBotAsync(s => s["ActionBot:Discord:UserLinks:900000000000000777"] = "octocat");
        await InteractionAnswer.AskAsync(app, Link("alice", AliceUserId));
        DeviceFlow.SignIn(DeviceFlow.LatestCode.UserCode, "alice");
        Clock!.Advance(Interval);
        await app.PollLinksAsync();
        await DirectMessageAsync(AliceUserId, "GitHub confirmed it");

        var takeover = await InteractionAnswer.AskAsync(app, Link("ALICE", MalloryUserId));
        var configured = await InteractionAnswer.AskAsync(app, Link("octocat", MalloryUserId));

        Assert.True(takeover.Ephemeral);
        Assert.Equal("Sorry, **ALICE** is already linked to another Discord account, so I can't link it to yours. If it is yours, please ask an admin to look into it.", takeover.Content);
        Assert.StartsWith("Sorry, **octocat** is already linked to another Discord account", configured.Content, StringComparison.Ordinal);
        Assert.Single(DeviceFlow.Codes); // no flow started for either
        Assert.Equal(AliceUserId, await app.Services.GetRequiredService<IAccountLinks>().GetChatUserIdAsync("alice", CancellationToken.None));
        app.AssertLogsAreClean();
    }

    [Fact]
    public async Task A_code_that_expires_or_a_sign_in_cancelled_at_github_links_nothing_and_says_so()
    {
        var app = await StartBotAsync();
        await InteractionAnswer.AskAsync(app, Link("alice", AliceUserId));
        await InteractionAnswer.AskAsync(app, Link("mallory", MalloryUserId));
        DeviceFlow.Deny(DeviceFlow.LatestCode.UserCode);
        Clock!.Advance(Interval);
        await app.PollLinksAsync();
        var cancelled = await DirectMessageAsync(MalloryUserId, "You cancelled at GitHub");

        Clock.Advance(TimeSpan.FromMinutes(15));
        await app.PollLinksAsync();
        var expired = await DirectMessageAsync(AliceUserId, "expired before GitHub saw it entered");
        var mine = await InteractionAnswer.AskAsync(app, Mine(AliceUserId));

        Assert.Contains("**mallory** was not linked", cancelled.Content, StringComparison.Ordinal);
        Assert.Contains("Run `/postmortem link` again for a new code", expired.Content, StringComparison.Ordinal);
        Assert.Equal(MineCommandNotLinked, mine.Content); // the claim is gone, not waiting
        Assert.Null(await app.Services.GetRequiredService<IAccountLinks>().GetGitHubLoginAsync(AliceUserId, CancellationToken.None));
        app.AssertLogsAreClean();
    }

    [Fact]
    public async Task A_bot_restarted_mid_flow_resumes_the_claim_from_storage_and_its_poller_confirms_it()
    {
        var first = await StartBotAsync();
        await InteractionAnswer.AskAsync(first, Link("alice", AliceUserId));
        await first.DisposeAsync();
        DeviceFlow.SignIn(DeviceFlow.LatestCode.UserCode, "alice");
        Clock!.Advance(TimeSpan.FromMinutes(1));

        // No PollLinksAsync here: the new bot's own poller finds the claim due at start.
        var second = await StartBotAsync();
        await DirectMessageAsync(AliceUserId, "GitHub confirmed it");

        Assert.Equal("alice", await second.Services.GetRequiredService<IAccountLinks>().GetGitHubLoginAsync(AliceUserId, CancellationToken.None));
        Assert.Single(DeviceFlow.LatestCode.Polls);
        Assert.Equal(0, DeviceFlow.TooEarlyPolls);
        first.AssertLogsAreClean();
        second.AssertLogsAreClean();
    }

    [Fact]
    public async Task A_snooze_is_announced_in_the_repositorys_channel_naming_who_did_it_and_pinging_nobody()
    {
        var app = await StartBotAsync(s =>
        {
            InChannel(s);
            s["ActionBot:Discord:UserLinks:" + AliceUserId] = "alice";
        });
        await MergeAsync(app);
        var issue = IssueOf(GitHub, "alice");

        var byOwner = await InteractionAnswer.AskAsync(app, Snooze($"#{issue}", 7, AliceUserId).InChannel("920000000000000099"));
        var announcement = (await Fake.WaitForMessagesAsync(m => m.Any(x => x.Content.Contains("were snoozed", StringComparison.Ordinal)), ActionBotApplication.WaitLimit))
            .Single(m => m.Content.Contains("were snoozed", StringComparison.Ordinal));

        Assert.True(byOwner.Ephemeral);
        Assert.Contains("snoozed until 2025-03-10", byOwner.Content, StringComparison.Ordinal);
        Assert.Equal(Channel, announcement.ChannelId);
        Assert.Equal(
            $"Reminders of Add a circuit breaker to the payment client ([#{issue}](<https://github.com/{ActionBotApplication.Repository}/issues/{issue}>), alice) were snoozed until 2025-03-10 by <@{AliceUserId}> (alice on GitHub, an owner).",
            announcement.Content);
        Assert.Equal(Array.Empty<string>(), announcement.AllowedParse);
        Assert.Equal(Array.Empty<string>(), announcement.AllowedUsers);
        app.AssertLogsAreClean();
    }

    [Fact]
    public async Task Without_a_client_id_link_says_how_an_admin_adds_the_user_and_starts_nothing()
    {
        var app = await StartBotAsync(s => s["ActionBot:GitHub:ClientId"] = null);

        var answer = await InteractionAnswer.AskAsync(app, Link("alice", AliceUserId));

        Assert.True(answer.Ephemeral);
        Assert.Contains($"`ActionBot__Discord__UserLinks__{AliceUserId}=alice`", answer.Content, StringComparison.Ordinal);
        Assert.Empty(DeviceFlow.Codes);
        Assert.Null(await app.Services.GetRequiredService<IAccountLinks>().GetGitHubLoginAsync(AliceUserId, CancellationToken.None));
        app.AssertLogsAreClean();
    }

    private const string MineCommandNotLinked = ActionBot.Discord.Interactions.Commands.MineCommand.NotLinked;

    private static void InChannel(Dictionary<string, string?> settings) => settings["ActionBot:GitHub:Repositories:0:DiscordChannelId"] = Channel;

    private static InteractionBuilder Link(string login, string userId) => InteractionBuilder.Command("link").With("github", login).From(userId);

    private static InteractionBuilder Mine(string userId) => InteractionBuilder.Command("mine").From(userId);

    private static InteractionBuilder Snooze(string item, int days, string userId) => InteractionBuilder.Command("snooze").With("item", item).With("days", days).From(userId);

    private async Task<FakeDiscordMessage> DirectMessageAsync(string userId, string containing)
    {
        var dm = Fake.DmChannelOf(userId);
        var messages = await Fake.WaitForMessagesAsync(m => m.Any(x => x.ChannelId == dm && x.Content.Contains(containing, StringComparison.Ordinal)), ActionBotApplication.WaitLimit);
        return messages.Single(x => x.ChannelId == dm && x.Content.Contains(containing, StringComparison.Ordinal));
    }

    private static bool DatabaseFilesContain(ActionBotApplication app, string secret)
    {
        var connectionString = app.Services.GetRequiredService<IOptions<StorageOptions>>().Value.ConnectionString;
        var folder = System.IO.Path.GetDirectoryName(new SqliteConnectionStringBuilder(connectionString).DataSource)!;
        var needle = Encoding.UTF8.GetBytes(secret);
        // The database's lock file (ClaimOwner: held exclusively while the bot runs) is empty and cannot be opened.
        return Directory.GetFiles(folder).Where(file => !file.EndsWith(".lock", StringComparison.Ordinal)).Any(file =>
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray().AsSpan().IndexOf(needle) >= 0;
        });
    }
}
