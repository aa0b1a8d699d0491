using ActionBot.Core.Ports;
using ActionBot.Discord.Api;
using ActionBot.Discord.Messages;

namespace ActionBot.Discord.Interactions.Commands;

/// <summary><c>/postmortem overdue [owner]</c>: open items past their due date, most overdue first.</summary>
public sealed class OverdueCommand(IActionItemStore store, PostmortemLookup lookup, TimeProvider time) : IPostmortemSubcommand
{
    public ApplicationCommandOption Definition { get; } = new(ApplicationCommandOptionType.SubCommand, "overdue", "Overdue open action items, most overdue first")
    {
        Options = [new(ApplicationCommandOptionType.String, "owner", "Only this owner's items (GitHub login)") { MaxLength = 40 }],
    };

    public bool Personal => false;

    public async Task<CommandReply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var owner = request.Text("owner") is { } given ? GitHubLogin.Normalize(given) : null;
        var items = await store.QueryItemsAsync(new ItemQuery(ItemStateFilter.Open, owner), cancellationToken).ConfigureAwait(false);
        var postmortems = await lookup.PostmortemsAsync(cancellationToken).ConfigureAwait(false);
        var today = lookup.DueDates.LocalDate(time.GetUtcNow());
        var overdue = items
            .Select(i => (Item: i, Due: PostmortemLookup.Due(lookup.DueDates, i, postmortems)))
            .Where(x => x.Due < today)
            .OrderBy(x => x.Due).ThenBy(x => x.Item.IssueNumber)
            .ToList();
        var whose = owner is null ? "" : $" of {DiscordMarkdown.Excerpt(owner)}";
        var header = overdue.Count == 0
            ? $"No overdue action items{whose}."
            : $"**Overdue action items{whose}**: {overdue.Count}";
        var lines = overdue.Select(x => $"{ItemLines.Full(x.Item, x.Due)} — {Days(today.DayNumber - x.Due.DayNumber)} overdue").ToList();
        return CommandReply.Public(MessageSplitter.Split(header, lines, maxMessages: 5));
    }

    private static string Days(int days) => days == 1 ? "1 day" : $"{days} days";
}
