using System.Net;
using System.Text.Json;
using ActionBot.Core.Ports;
using ActionBot.Core.Reminders;
using ActionBot.Testing.Discord;
using ActionBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static ActionBot.Tests.Infrastructure.SamplePostmortems;

namespace ActionBot.Tests.Integration;

/// <summary>Discord end to end: the real bot with a fake GitHub and a fake Discord, interactions signed like Discord's.</summary>
public sealed class DiscordTests : IntegrationTest
{
    private const string OwnersPath = "postmortems/2025-03-02-checkout-outage.md";
    private const string OctocatUserId = "900000000000000777";

    // Owners, an overdue date, and text that tries to ping everyone and a role.
    private const string Owners = """
        # Checkout outage @everyone (March 2, 2025)

        ## Action items

        - [ ] Add a circuit breaker to the payment client. Owner: @octocat
        - [ ] Page the on-call when checkout errors pass 2 percent (owner: hubber, due 2025-03-01)
        - [ ] Stop the template from pinging @everyone and <@&123456789012345678>. Owner: @octocat

        """;

    public DiscordTests() => UsesDiscord = true;

    private FakeDiscordServer Fake => Discord!;

    [Fact]
    public async Task Merged_postmortem_is_announced_once_and_tasks_lists_its_issues_with_links()
    {
        var app = await StartBotAsync();
        await Fake.WaitUntilAsync(f => f.Registrations.Count == 1, ActionBotApplication.WaitLimit);

        using var webhook = await app.PostWebhookAsync("pull_request", MergedPullRequest.Seed(GitHub, 42, [new(CachePath, Cache)]));
        await app.DrainAsync();
        var messages = await Fake.WaitForMessagesAsync(m => m.Any(x => x.ChannelId == ActionBotApplication.DiscordChannelId), ActionBotApplication.WaitLimit);

        var announcement = Assert.Single(messages);
        Assert.Contains("Cache stampede", announcement.Content, StringComparison.Ordinal);
        Assert.All(Repository.ActionItemIssues, issue => Assert.Contains($"[#{issue.Number}](<https://github.com/{ActionBotApplication.Repository}/issues/{issue.Number}>)", announcement.Content, StringComparison.Ordinal));
        Assert.Equal(Array.Empty<string>(), announcement.AllowedParse);
        var tracking = Assert.Single(Repository.TrackingIssues);
        var trackingLink = $"[tracking issue #{tracking.Number}](<https://github.com/{ActionBotApplication.Repository}/issues/{tracking.Number}>)";
        Assert.Contains(trackingLink, announcement.Content, StringComparison.Ordinal);

        var answer = await InteractionAnswer.AskAsync(app, InteractionBuilder.Command("tasks").With("source", "#42"));
        Assert.Equal(4, answer.Type);
        Assert.All(Repository.ActionItemIssues, issue =>
        {
            Assert.Contains(issue.Title, answer.Content, StringComparison.Ordinal);
            Assert.Contains($"issues/{issue.Number}>", answer.Content, StringComparison.Ordinal);
        });
        Assert.Contains(trackingLink, answer.Content, StringComparison.Ordinal);
        var latest = await InteractionAnswer.AskAsync(app, InteractionBuilder.Command("tasks"));
        Assert.Equal(answer.Content, latest.Content);
        Assert.Single(Fake.Messages);
        app.AssertLogsAreClean();
    }

    [Fact]
    public async Task Ping_gets_pong_and_unsigned_wrongly_signed_or_stale_interactions_get_401_and_store_nothing()
    {
        var app = await StartBotAsync();
        var link = InteractionBuilder.Command("link").With("github", "octocat").From(OctocatUserId);

        using var unsigned = await app.Client.PostAsync("/interactions/discord", new ByteArrayContent(link.Build()));
        var wrong = ActionBotApplication.Signer.Request("/interactions/discord", link.Build(), DateTimeOffset.UtcNow);
        wrong.Headers.Remove("X-Signature-Timestamp");
        wrong.Headers.Add("X-Signature-Timestamp", (DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        using var wronglySigned = await app.Client.SendAsync(wrong);
        using var stale = await app.PostInteractionAsync(link, DateTimeOffset.UtcNow.AddMinutes(-6));
        using var ping = await app.PostInteractionAsync(InteractionBuilder.Ping());

        Assert.Equal(HttpStatusCode.Unauthorized, unsigned.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wronglySigned.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, stale.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ping.StatusCode);
        Assert.Equal(1, JsonDocument.Parse(await ping.Content.ReadAsStringAsync()).RootElement.GetProperty("type").GetInt32());
        Assert.Null(await app.Services.GetRequiredService<IAccountLinks>().GetGitHubLoginAsync(OctocatUserId, CancellationToken.None));
        app.AssertLogsAreClean();
    }

    [Fact]
    public async Task Mine_lists_a_linked_callers_open_items_privately_and_overdue_lists_the_most_overdue_first()
    {
        var app = await StartBotAsync(s => s["ActionBot:Discord:UserLinks:" + OctocatUserId] = "octocat");
        await MergeOwnersPostmortemAsync(app);

        var unlinked = await InteractionAnswer.AskAsync(app, InteractionBuilder.Command("mine").From("900000000000000555"));
        var mine = await InteractionAnswer.AskAsync(app, InteractionBuilder.Command("mine").From(OctocatUserId));
        var overdue = await InteractionAnswer.AskAsync(app, InteractionBuilder.Command("overdue"));

        Assert.Contains("/postmortem link", unlinked.Content, StringComparison.Ordinal);
        Assert.True(unlinked.Ephemeral && mine.Ephemeral);
        Assert.Contains("circuit breaker", mine.Content, StringComparison.Ordinal);
        Assert.Contains("Stop the template", mine.Content, StringComparison.Ordinal);
        Assert.DoesNotContain("Page the on", mine.Content, StringComparison.Ordinal);
        Assert.False(overdue.Ephemeral);
        Assert.True(overdue.Content.IndexOf("Page the on", StringComparison.Ordinal) < overdue.Content.IndexOf("circuit breaker", StringComparison.Ordinal));
        app.AssertLogsAreClean();
    }

    [Fact]
    public async Task An_option_of_100000_characters_comes_back_as_a_short_escaped_excerpt_within_discords_limits()
    {
        var app = await StartBotAsync();
        var huge = string.Concat(Enumerable.Repeat("@everyone **x** <@&1>\n", 5000))[..100_000];

        foreach (var (command, option) in new[] { ("tasks", "source"), ("snooze", "item"), ("link", "github"), ("overdue", "owner") })
        {
            var answer = await InteractionAnswer.AskAsync(app, InteractionBuilder.Command(command).With(option, huge).With("days", 3));

            Assert.InRange(answer.Content.Length, 1, 300);
            Assert.DoesNotContain("@everyone", answer.Content, StringComparison.Ordinal);
            Assert.DoesNotContain("**x**", answer.Content, StringComparison.Ordinal);
        }

        app.AssertLogsAreClean();
    }

    [Fact]
    public async Task Snooze_is_refused_politely_to_a_non_owner_and_allowed_to_an_owner_or_a_manager()
    {
        var app = await StartBotAsync(s => s["ActionBot:Discord:UserLinks:" + OctocatUserId] = "octocat");
        await MergeOwnersPostmortemAsync(app);
        var breaker = Repository.ActionItemIssues.Single(i => i.Title.Contains("circuit breaker", StringComparison.Ordinal));
        var store = app.Services.GetRequiredService<IActionItemStore>();

        var refused = await InteractionAnswer.AskAsync(app, InteractionBuilder.Command("snooze").With("item", $"#{breaker.Number}").With("days", 7).From("900000000000000555"));
        var afterRefusal = (await store.QueryItemsAsync(new ItemQuery(ItemStateFilter.Open), CancellationToken.None)).Single(i => i.IssueNumber == breaker.Number);
        var byOwner = await InteractionAnswer.AskAsync(app, InteractionBuilder.Command("snooze").With("item", $"#{breaker.Number}").With("days", 7).From(OctocatUserId));
        var byManager = await InteractionAnswer.AskAsync(app, InteractionBuilder.Command("snooze").With("item", $"{breaker.Number}").With("days", 14).From("900000000000000556").WithManageServer());

        Assert.True(refused.Ephemeral);
        Assert.StartsWith("Sorry, only the owners", refused.Content, StringComparison.Ordinal);
        Assert.Null(afterRefusal.SnoozedUntil);
        Assert.Contains("snoozed until", byOwner.Content, StringComparison.Ordinal);
        Assert.Contains("snoozed until", byManager.Content, StringComparison.Ordinal);
        var snoozed = (await store.QueryItemsAsync(new ItemQuery(ItemStateFilter.Open), CancellationToken.None)).Single(i => i.IssueNumber == breaker.Number);
        Assert.True(snoozed.SnoozedUntil > DateTimeOffset.UtcNow.AddDays(13));
        app.AssertLogsAreClean();
    }

    [Fact]
    public async Task Announcement_of_a_postmortem_with_everyone_and_a_role_pings_only_its_linked_owner()
    {
        var app = await StartBotAsync(s => s["ActionBot:Discord:UserLinks:" + OctocatUserId] = "octocat");

        await MergeOwnersPostmortemAsync(app);
        var announcement = (await Fake.WaitForMessagesAsync(m => m.Count == 1, ActionBotApplication.WaitLimit)).Single();

        Assert.Equal(Array.Empty<string>(), announcement.AllowedParse);
        Assert.Equal([OctocatUserId], announcement.AllowedUsers);
        Assert.Contains($"<@{OctocatUserId}>", announcement.Content, StringComparison.Ordinal);
        Assert.DoesNotContain("@everyone", announcement.Content, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"(?<!\\)<@&", announcement.Content); // shown escaped, as text
        app.AssertLogsAreClean();
    }

    [Fact]
    public async Task A_repository_without_a_channel_gets_a_warning_naming_the_keys_and_no_message_or_error()
    {
        var app = await StartBotAsync(s => s["ActionBot:Discord:DefaultChannelId"] = null);

        await MergeOwnersPostmortemAsync(app);

        var warning = Assert.Single(app.Logs.Entries, e => e.EventId.Id == 4302);
        Assert.Contains("DiscordChannelId or ActionBot:Discord:DefaultChannelId", warning.Message, StringComparison.Ordinal);
        Assert.Equal(0, await app.ChatOutbox.CountPendingAsync(CancellationToken.None));
        Assert.Empty(Fake.Messages);
        app.AssertLogsAreClean();
    }

    [Fact]
    public async Task Discord_down_for_a_while_then_back_gets_the_announcement_exactly_once()
    {
        var app = await StartBotAsync();
        await Fake.WaitUntilAsync(f => f.Registrations.Count == 1, ActionBotApplication.WaitLimit);
        Fake.Faults.Down = true;

        using var webhook = await app.PostWebhookAsync("pull_request", MergedPullRequest.Seed(GitHub, 42, [new(CachePath, Cache)]));
        await app.DrainAsync();
        await Fake.WaitUntilAsync(f => f.RefusedRequests >= 8, ActionBotApplication.WaitLimit);
        Fake.Faults.FailAfterCreate = 1; // back, but the first answer is lost after the message was created
        Fake.Faults.Down = false;
        await app.ChatOutbox.WaitUntilAllSentAsync(ActionBotApplication.WaitLimit);

        var announcement = Assert.Single(Fake.Messages);
        Assert.Contains("Cache stampede", announcement.Content, StringComparison.Ordinal);
        Assert.True(Fake.Requests.Count(r => r.EndsWith("/messages", StringComparison.Ordinal)) >= 10);
        app.AssertLogsAreClean();
    }

    [Fact]
    public async Task A_command_not_ready_within_the_budget_is_deferred_and_its_answer_edits_the_original_response()
    {
        var held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var app = await StartBotAsync(
            s => s["ActionBot:Discord:AnswerBudget"] = "00:00:00",
            services => services.AddSingleton<IDigestComposer>(new HeldDigestComposer(held.Task)));
        var interaction = InteractionBuilder.Command("digest");

        using var response = await app.PostInteractionAsync(interaction);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        held.SetResult();
        var edit = (await Fake.WaitForMessagesAsync(m => m.Any(x => x.InteractionToken == interaction.Token), ActionBotApplication.WaitLimit))
            .Single(x => x.InteractionToken == interaction.Token);

        Assert.Equal(5, body.GetProperty("type").GetInt32());
        Assert.Equal(64, body.GetProperty("data").GetProperty("flags").GetInt32());
        Assert.Equal(FakeDiscordMessageKind.OriginalEdit, edit.Kind);
        Assert.StartsWith("**Postmortem digest, week of 2025-03-03**", edit.Content, StringComparison.Ordinal);
        Assert.Equal(Array.Empty<string>(), edit.AllowedParse);
        app.AssertLogsAreClean();
    }

    [Fact]
    public async Task Commands_are_registered_in_the_guild_at_start_and_registering_again_changes_nothing()
    {
        var first = await StartBotAsync();
        await Fake.WaitUntilAsync(f => f.Registrations.Count == 1, ActionBotApplication.WaitLimit);
        var commands = Fake.CommandsOf(InteractionBuilder.DefaultGuildId);
        await first.DisposeAsync();

        var second = await StartBotAsync();
        await Fake.WaitUntilAsync(f => f.Registrations.Count == 2, ActionBotApplication.WaitLimit);

        var registrations = Fake.Registrations;
        Assert.All(registrations, r => Assert.Equal(InteractionBuilder.DefaultGuildId, r.GuildId));
        Assert.Equal(["postmortem"], registrations[0].Names);
        Assert.Equal(registrations[0].Json, registrations[1].Json);
        Assert.Equal(commands, Fake.CommandsOf(InteractionBuilder.DefaultGuildId));
        foreach (var sub in new[] { "tasks", "mine", "overdue", "snooze", "link", "digest" })
        {
            Assert.Contains($"\"name\":\"{sub}\"", registrations[0].Json, StringComparison.Ordinal);
        }

        Assert.Empty(second.Logs.Errors);
    }

    private async Task MergeOwnersPostmortemAsync(ActionBotApplication app)
    {
        using var webhook = await app.PostWebhookAsync("pull_request", MergedPullRequest.Seed(GitHub, 50, [new(OwnersPath, Owners)]));
        await app.DrainAsync();
    }

    /// <summary>A digest that is not ready until the test says so.</summary>
    private sealed class HeldDigestComposer(Task held) : IDigestComposer
    {
        public async Task<WeeklyDigest> ComposeAsync(string? channelId, DateTimeOffset now, CancellationToken cancellationToken)
        {
            await held.WaitAsync(cancellationToken);
            return new WeeklyDigest("digest:test", channelId, new DateOnly(2025, 3, 3), [], [], 0.5, null);
        }
    }
}
