using ActionBot.Core.Ports;
using ActionBot.Discord.Api;
using ActionBot.Discord.Messages;

namespace ActionBot.Discord.Interactions.Commands;

/// <summary><c>/postmortem tasks [source]</c>: the action items of one postmortem (the latest by default).</summary>
public sealed class TasksCommand(IActionItemStore store, PostmortemLookup lookup) : IPostmortemSubcommand
{
    public ApplicationCommandOption Definition { get; } = new(ApplicationCommandOptionType.SubCommand, "tasks", "The action items of a postmortem (the latest by default)")
    {
        Options = [new(ApplicationCommandOptionType.String, "source", "PR number (101 or #101), file path, or title words") { MaxLength = 200 }],
    };

    public bool Personal => false;

    public async Task<CommandReply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var source = request.Text("source");
        var postmortem = await lookup.FindPostmortemAsync(source, cancellationToken).ConfigureAwait(false);
        if (postmortem is null)
        {
            return CommandReply.Private(source is null
                ? "No postmortem is tracked yet."
                : $"No postmortem matches “{DiscordMarkdown.Excerpt(source)}”. Try a PR number (`101`), a file path, or words of its title.");
        }

        var items = (await store.GetItemsAsync(postmortem.Repository, postmortem.Path, cancellationToken).ConfigureAwait(false))
            .Where(i => !i.Removed).OrderBy(i => i.Line).ToList();
        var pr = postmortem.PullRequest is { } number && postmortem.PullRequestUrl is { } url ? $", {DiscordMarkdown.Link($"PR #{number}", url)}" : "";
        var header = $"**{ItemLines.Postmortem(postmortem)}** ({DiscordMarkdown.Escape(postmortem.Path)}{pr}){ItemLines.TrackingIssue(postmortem)}: {items.Count} action item{(items.Count == 1 ? "" : "s")}";
        var lines = items.Select(i => ItemLines.Full(i, lookup.DueDates.DueDate(i, postmortem))).ToList();
        return CommandReply.Public(MessageSplitter.Split(header, lines, maxMessages: 5));
    }
}
