using ActionBot.Discord.Api;
using ActionBot.Discord.Interactions.Commands;
using Microsoft.Extensions.Logging;

namespace ActionBot.Discord.Interactions;

/// <summary>
/// What is sent after an interaction was answered: the deferred answer (an edit of <c>@original</c>) and the later
/// pages (follow-ups). Runs after the HTTP response, on its own, so that a slow Discord never holds the endpoint.
/// </summary>
public sealed partial class InteractionFollowUps(DiscordClient client, ILogger<InteractionFollowUps> logger)
{
    /// <summary>Sends <paramref name="reply"/>'s later pages as follow-ups, after its first page replaces the deferral when <paramref name="deferred"/>.</summary>
    public async Task SendAsync(Interaction interaction, Task<CommandReply> reply, bool deferred, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        ArgumentNullException.ThrowIfNull(reply);
        try
        {
            var answer = await reply.ConfigureAwait(false);
            if (deferred)
            {
                await client.EditOriginalResponseAsync(interaction.Token, answer.Pages[0], answer.Mentions, cancellationToken).ConfigureAwait(false);
            }

            for (var page = 1; page < answer.Pages.Count; page++)
            {
                await client.CreateFollowUpAsync(interaction.Token, answer.Pages[page], answer.Mentions, answer.Ephemeral, cancellationToken).ConfigureAwait(false);
            }

            Log.FollowUpsSent(logger, interaction.Id, deferred, answer.Pages.Count);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // An interaction token lives 15 minutes: there is no later to try again in, so say what was lost.
            Log.FollowUpFailed(logger, interaction.Id, ex);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 4110, Level = LogLevel.Debug, Message = "Interaction {InteractionId}: answer sent after the response (deferred {Deferred}, {Pages} page(s))")]
        public static partial void FollowUpsSent(ILogger logger, string interactionId, bool deferred, int pages);

        [LoggerMessage(EventId = 4111, Level = LogLevel.Error, Message = "Interaction {InteractionId}: the answer could not be sent to Discord")]
        public static partial void FollowUpFailed(ILogger logger, string interactionId, Exception exception);
    }
}
