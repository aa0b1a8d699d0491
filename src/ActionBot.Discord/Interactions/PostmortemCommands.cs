using ActionBot.Discord.Api;
using ActionBot.Discord.Interactions.Commands;
using Microsoft.Extensions.Logging;

namespace ActionBot.Discord.Interactions;

/// <summary>The <c>/postmortem</c> command group: its definition for registration, and routing to one handler per subcommand.</summary>
public sealed partial class PostmortemCommands(IEnumerable<IPostmortemSubcommand> subcommands, ILogger<PostmortemCommands> logger)
{
    public const string Name = "postmortem";

    private readonly Dictionary<string, IPostmortemSubcommand> _subcommands =
        subcommands.ToDictionary(s => s.Definition.Name, StringComparer.Ordinal);

    /// <summary>The commands to register (bulk overwrite): one group, its subcommands in a stable order.</summary>
    public IReadOnlyList<ApplicationCommand> Definitions =>
    [
        new ApplicationCommand(Name, "Postmortem action items: list, remind, snooze")
        {
            Options = [.. _subcommands.Values.Select(s => s.Definition)],
        },
    ];

    /// <summary>The subcommand an interaction invokes, or null when it is not ours.</summary>
    public IPostmortemSubcommand? Find(Interaction interaction, out CommandRequest? request)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        request = null;
        if (interaction.Data is not { Name: Name, Options: [{ Type: ApplicationCommandOptionType.SubCommand } sub] }
            || !_subcommands.TryGetValue(sub.Name, out var subcommand))
        {
            return null;
        }

        var options = (sub.Options ?? []).Where(o => o.Value is not null)
            .ToDictionary(o => o.Name, o => o.Value!.Value, StringComparer.Ordinal);
        request = new CommandRequest(interaction, sub.Name, options);
        return subcommand;
    }

    /// <summary>Runs a subcommand; a failure becomes a private apology (and an error in the log), never silence.</summary>
    public async Task<CommandReply> RunAsync(IPostmortemSubcommand subcommand, CommandRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subcommand);
        ArgumentNullException.ThrowIfNull(request);
        try
        {
            return await subcommand.HandleAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.CommandFailed(logger, request.Subcommand, request.Interaction.Id, ex);
            return CommandReply.Private("Sorry, something went wrong while answering. Please try again in a moment.");
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 4200, Level = LogLevel.Error, Message = "/postmortem {Subcommand} failed (interaction {InteractionId})")]
        public static partial void CommandFailed(ILogger logger, string subcommand, string interactionId, Exception exception);
    }
}
