using ActionBot.Core.Reminders;
using ActionBot.Discord.Api;
using ActionBot.Discord.Messages;

namespace ActionBot.Discord.Interactions.Commands;

/// <summary><c>/postmortem digest</c>: the digest as the weekly job would post it in this channel, shown to the caller only.</summary>
public sealed class DigestCommand(IDigestComposer composer, TimeProvider time) : IPostmortemSubcommand
{
    public ApplicationCommandOption Definition { get; } = new(ApplicationCommandOptionType.SubCommand, "digest", "The weekly digest, now, shown only to you");

    public bool Personal => true;

    public async Task<CommandReply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var digest = await composer.ComposeAsync(request.Interaction.ChannelId, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        return CommandReply.Private(DigestRenderer.Render(digest, maxMessages: 5).Pages);
    }
}
