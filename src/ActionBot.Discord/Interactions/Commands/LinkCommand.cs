using ActionBot.Core.Ports;
using ActionBot.Discord.Api;
using ActionBot.Discord.Messages;

namespace ActionBot.Discord.Interactions.Commands;

/// <summary><c>/postmortem link github</c>: maps the caller's Discord account to a GitHub login.</summary>
public sealed class LinkCommand(IAccountLinks links, TimeProvider time) : IPostmortemSubcommand
{
    public ApplicationCommandOption Definition { get; } = new(ApplicationCommandOptionType.SubCommand, "link", "Tell the bot your GitHub login")
    {
        Options = [new(ApplicationCommandOptionType.String, "github", "Your GitHub login") { Required = true, MaxLength = 40 }],
    };

    public bool Personal => true;

    public async Task<CommandReply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var login = request.Text("github") is { } given ? GitHubLogin.Normalize(given) : null;
        if (!GitHubLogin.IsValid(login))
        {
            return CommandReply.Private($"“{DiscordMarkdown.Excerpt(login)}” is not a GitHub login (letters, digits and single hyphens, at most 39 characters).");
        }

        await links.LinkAsync(request.CallerId, login!, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        return CommandReply.Private($"Linked: you are **{DiscordMarkdown.Escape(login)}** on GitHub. `/postmortem mine` lists your open items.");
    }
}
