using ActionBot.Core.Identity;
using ActionBot.Discord.Api;
using ActionBot.Discord.Linking;
using ActionBot.Discord.Messages;

namespace ActionBot.Discord.Interactions.Commands;

/// <summary>
/// <c>/postmortem link github</c>: the caller claims a GitHub login; the link counts only once GitHub confirms it
/// through its device flow (<see cref="AccountLinking"/>). The answer, shown only to the caller, gives the one-time
/// code; how it ended comes later by direct message (<see cref="AccountLinkVerifier"/>).
/// </summary>
public sealed class LinkCommand(AccountLinking linking, AccountLinkVerifier verifier) : IPostmortemSubcommand
{
    public ApplicationCommandOption Definition { get; } = new(ApplicationCommandOptionType.SubCommand, "link", "Link your GitHub login (GitHub confirms it)")
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

        var start = await linking.RequestAsync(request.CallerId, login!, cancellationToken).ConfigureAwait(false);
        if (start.Status == LinkStartStatus.Started)
        {
            verifier.Wake();
        }

        return CommandReply.Private(LinkMessages.Start(start, request.CallerId));
    }
}
