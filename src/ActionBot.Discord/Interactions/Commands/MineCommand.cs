using ActionBot.Core.Identity;
using ActionBot.Core.Ports;
using ActionBot.Discord.Api;
using ActionBot.Discord.Linking;
using ActionBot.Discord.Messages;

namespace ActionBot.Discord.Interactions.Commands;

/// <summary>
/// <c>/postmortem mine</c>: the caller's open items, shown to the caller only. Only a confirmed link counts: a claim
/// still waiting for GitHub lists nothing (the answer repeats its code).
/// </summary>
public sealed class MineCommand(IActionItemStore store, PostmortemLookup lookup, AccountDirectory accounts, AccountLinking linking) : IPostmortemSubcommand
{
    public const string NotLinked = "I don't know your GitHub login yet: tell me with `/postmortem link github:<your-login>`.";

    public ApplicationCommandOption Definition { get; } = new(ApplicationCommandOptionType.SubCommand, "mine", "Your open action items");

    public bool Personal => true;

    public async Task<CommandReply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var login = await accounts.GitHubLoginOfAsync(request.CallerId, cancellationToken).ConfigureAwait(false);
        if (login is null)
        {
            return CommandReply.Private(await linking.WaitingClaimAsync(request.CallerId, cancellationToken).ConfigureAwait(false) is { } waiting
                ? $"Your link is not confirmed yet, so I list nothing. {LinkMessages.Code(waiting)}"
                : NotLinked);
        }

        var items = await store.QueryItemsAsync(new ItemQuery(ItemStateFilter.Open, login), cancellationToken).ConfigureAwait(false);
        var postmortems = await lookup.PostmortemsAsync(cancellationToken).ConfigureAwait(false);
        var dated = items.Select(i => (Item: i, Due: PostmortemLookup.Due(lookup.DueDates, i, postmortems))).OrderBy(x => x.Due).ToList();
        var header = dated.Count == 0
            ? $"You ({DiscordMarkdown.Escape(login)} on GitHub) have no open action items."
            : $"**Your open action items** ({DiscordMarkdown.Escape(login)} on GitHub): {dated.Count}";
        return CommandReply.Private(MessageSplitter.Split(header, dated.Select(x => ItemLines.Full(x.Item, x.Due)).ToList(), maxMessages: 5));
    }
}
