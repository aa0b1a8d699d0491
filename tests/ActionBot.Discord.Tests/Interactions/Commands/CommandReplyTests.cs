using System.Text.Json;
using ActionBot.Core.Identity;
using ActionBot.Core.Ports;
using ActionBot.Core.Reminders;
using ActionBot.Discord.Api;
using ActionBot.Discord.Interactions.Commands;
using ActionBot.Discord.Linking;
using ActionBot.Discord.Outbox;
using ActionBot.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ActionBot.Discord.Tests.Interactions.Commands;

/// <summary>Every answer stays within Discord's limits, whatever a caller types (issue 12, point 8).</summary>
public sealed class CommandReplyTests
{
    private static readonly FakeTimeProvider Time = new();

    // What a hostile caller sends: 100,000 characters of Markdown, mass mentions and line breaks.
    private static readonly string Huge = string.Concat(Enumerable.Repeat("@everyone **bold** <@&1> `x`\n", 4000))[..100_000];

    [Fact]
    public void Pages_longer_than_discord_allows_are_cut_to_2000_characters_and_an_empty_page_gets_a_word()
    {
        var reply = CommandReply.Private([new string('a', 5000), "", "short"]);

        Assert.Equal(3, reply.Pages.Count);
        Assert.All(reply.Pages, page => Assert.InRange(page.Length, 1, CommandReply.MaxContentLength));
        Assert.Equal("short", reply.Pages[2]);
    }

    [Fact]
    public void An_answer_has_at_most_five_pages()
    {
        var reply = CommandReply.Public([.. Enumerable.Range(1, 12).Select(i => $"page {i}")]);

        Assert.Equal(CommandReply.MaxPages, reply.Pages.Count);
    }

    [Theory]
    [InlineData("tasks", "source")]
    [InlineData("snooze", "item")]
    [InlineData("overdue", "owner")]
    [InlineData("link", "github")]
    public async Task A_100000_character_option_comes_back_cut_short_and_escaped(string subcommand, string option)
    {
        using var store = await TempStore.CreateAsync(Time);
        var command = Command(subcommand, store);
        var options = new Dictionary<string, JsonElement>
        {
            [option] = JsonSerializer.SerializeToElement(Huge),
            ["days"] = JsonSerializer.SerializeToElement(3),
        };
        var request = new CommandRequest(
            new Interaction("1", "2", InteractionType.ApplicationCommand, "token") { Member = new GuildMember { User = new DiscordUser("333"), Permissions = "32" } },
            subcommand,
            options);

        var reply = await command.HandleAsync(request, CancellationToken.None);

        var text = string.Join("\n", reply.Pages);
        Assert.Single(reply.Pages);
        Assert.InRange(text.Length, 1, 400);
        Assert.DoesNotContain("@everyone", text, StringComparison.Ordinal);
        Assert.DoesNotContain("**bold**", text, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', text);
    }

    private static IPostmortemSubcommand Command(string name, TempStore store)
    {
        var lookup = new PostmortemLookup(store.Items, new DueDateRule(ReminderSettings.Default()));
        var accounts = new AccountDirectory(store.Links, ConfiguredAccountLinks.None);
        var options = Options.Create(new DiscordOptions());
        var notifier = new DiscordChatNotifier(store.Outbox, accounts, new OutboxSignal(), options, Time, NullLogger<DiscordChatNotifier>.Instance);
        var linking = new AccountLinking(store.Links, store.LinkRequests, ConfiguredAccountLinks.None, Time);
        return name switch
        {
            "tasks" => new TasksCommand(store.Items, lookup),
            "snooze" => new SnoozeCommand(store.Items, lookup, accounts, new NoChannels(), notifier, Time),
            "overdue" => new OverdueCommand(store.Items, lookup, Time),
            "link" => new LinkCommand(linking, new AccountLinkVerifier(linking, notifier, Time, NullLogger<AccountLinkVerifier>.Instance)),
            _ => throw new ArgumentOutOfRangeException(nameof(name)),
        };
    }

    private sealed class NoChannels : IChannelDirectory
    {
        public IReadOnlyList<ChannelScope> Channels => [];

        public string? ChannelFor(string repository) => null;
    }
}
