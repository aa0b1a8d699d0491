using ActionBot.Core.Identity;
using ActionBot.Core.Ports;
using ActionBot.Core.Tracking;
using ActionBot.Discord.Api;
using ActionBot.Discord.Messages;
using ActionBot.Discord.Outbox;

namespace ActionBot.Discord.Interactions.Commands;

/// <summary>
/// <c>/postmortem snooze item days</c>: postpones an item's reminders. Allowed to the item's owners (by a confirmed
/// link) and to members with Manage Server; anyone else is told so, politely and privately. A snooze is announced in
/// the repository's channel with who did it (through the outbox, pinging nobody), so that nobody's reminders go
/// quiet unseen.
/// </summary>
public sealed class SnoozeCommand(
    IActionItemStore store,
    PostmortemLookup lookup,
    AccountDirectory accounts,
    IChannelDirectory channels,
    DiscordChatNotifier notifier,
    TimeProvider time) : IPostmortemSubcommand
{
    public const int MaxDays = 90;

    public ApplicationCommandOption Definition { get; } = new(ApplicationCommandOptionType.SubCommand, "snooze", "Postpone the reminders of one action item")
    {
        Options =
        [
            new(ApplicationCommandOptionType.String, "item", "The item's issue: #12, 12 or owner/repo#12") { Required = true, MaxLength = 200 },
            new(ApplicationCommandOptionType.Integer, "days", "How many days") { Required = true, MinValue = 1, MaxValue = MaxDays },
        ],
    };

    public bool Personal => true; // the confirmation; the channel hears of it through the announcement

    public async Task<CommandReply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var reference = request.Text("item");
        var days = request.Number("days");
        if (reference is null || days is not (>= 1 and <= MaxDays))
        {
            return CommandReply.Private($"Please give an item (its issue, like `#12`) and a number of days from 1 to {MaxDays}.");
        }

        var item = await lookup.FindItemAsync(reference, cancellationToken).ConfigureAwait(false);
        if (item is null)
        {
            return CommandReply.Private($"I found no action item “{DiscordMarkdown.Excerpt(reference)}”. Use its issue number, like `#12`.");
        }

        if (item.State == ItemState.Closed)
        {
            return CommandReply.Private($"{ItemLines.Title(item)} ({ItemLines.Issue(item)}) is already closed: no reminders to snooze.");
        }

        var login = await accounts.GitHubLoginOfAsync(request.CallerId, cancellationToken).ConfigureAwait(false);
        var isOwner = login is not null && item.Owners.Contains(login, StringComparer.OrdinalIgnoreCase);
        if (!isOwner && !request.CallerCanManageServer)
        {
            return CommandReply.Private(
                $"Sorry, only the owners of {ItemLines.Title(item)} ({ItemLines.Owners(item.Owners)}) or members with the Manage Server permission can snooze it."
                + (login is null ? " If you own it, link your GitHub login first with `/postmortem link`." : ""));
        }

        var now = time.GetUtcNow();
        var until = now.AddDays(days.Value);
        await store.SnoozeAsync(item.Key, until, now, cancellationToken).ConfigureAwait(false);
        var untilDate = ItemLines.Date(lookup.DueDates.LocalDate(until));
        var who = (Snowflake.IsValid(request.CallerId) ? $"<@{request.CallerId}>" : "a member") + (isOwner ? $" ({DiscordMarkdown.Escape(login)} on GitHub, an owner)" : " (with Manage Server)");
        var announcement = $"Reminders of {ItemLines.Title(item)} ({ItemLines.Issue(item)}, {ItemLines.Owners(item.Owners)}) were snoozed until {untilDate} by {who}.";
        await notifier.PostToChannelAsync($"snooze:{request.Interaction.Id}", channels.ChannelFor(item.Repository), new RenderedMessage(MessageSplitter.Split(null, [announcement], maxMessages: 1), AllowedMentions.None), cancellationToken)
            .ConfigureAwait(false);
        return CommandReply.Private($"Reminders of {ItemLines.Title(item)} ({ItemLines.Issue(item)}) are snoozed until {untilDate}. I've said so in the repository's channel.");
    }
}
