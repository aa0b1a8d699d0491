using System.Text.Json;
using ActionBot.Discord.Api;
using ActionBot.Discord.Interactions.Commands;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ActionBot.Discord.Interactions;

/// <summary>
/// <c>POST /interactions/discord</c>. The signature is checked before anything else (401 when missing, wrong, or
/// more than five minutes old, as Discord requires); PING gets PONG; a command is answered at once when its answer
/// is ready within the budget, else deferred and its answer sent afterwards as an edit of the original response.
/// </summary>
public static partial class DiscordInteractionsEndpoint
{
    public const string Route = "/interactions/discord";

    /// <summary>Interactions are a few kilobytes; anything far larger is not from Discord.</summary>
    public const int MaxBodyBytes = 1024 * 1024;

    private const int EphemeralFlag = 64;

    public static IEndpointRouteBuilder MapDiscordInteractions(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapPost(Route, (Delegate)HandleAsync).WithName("DiscordInteractions");
        return endpoints;
    }

    internal static async Task<IResult> HandleAsync(HttpContext context)
    {
        var services = context.RequestServices;
        var logger = services.GetRequiredService<ILogger<InteractionRequest>>();
        var options = services.GetRequiredService<IOptionsMonitor<DiscordOptions>>().CurrentValue;
        var body = await CappedBodyReader.ReadAsync(context.Request, MaxBodyBytes, context.RequestAborted).ConfigureAwait(false);
        if (body is null)
        {
            Log.BodyTooLarge(logger, context.Request.ContentLength);
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        var headers = context.Request.Headers;
        var verifier = services.GetRequiredService<Ed25519SignatureVerifier>();
        var signature = verifier.Verify(options.PublicKey, headers[Ed25519SignatureVerifier.SignatureHeader], headers[Ed25519SignatureVerifier.TimestampHeader], body);
        if (signature != InteractionSignatureResult.Valid)
        {
            Log.SignatureRejected(logger, signature);
            return Results.Unauthorized();
        }

        Interaction? interaction;
        try
        {
            interaction = JsonSerializer.Deserialize(body, DiscordJsonContext.Default.Interaction);
        }
        catch (JsonException)
        {
            interaction = null;
        }

        if (interaction is null)
        {
            Log.NotAnInteraction(logger);
            return Results.Problem(title: "body is not an interaction", statusCode: StatusCodes.Status400BadRequest);
        }

        using var scope = Log.InteractionScope(logger, interaction.Id);
        if (interaction.Type == InteractionType.Ping)
        {
            Log.Ping(logger);
            return Respond(new InteractionResponse(InteractionCallbackType.Pong));
        }

        var commands = services.GetService<PostmortemCommands>();
        if (interaction.Type != InteractionType.ApplicationCommand || commands is null)
        {
            Log.Unsupported(logger, interaction.Type, commands is not null);
            return Results.Problem(title: "interaction not supported", statusCode: StatusCodes.Status400BadRequest);
        }

        var subcommand = commands.Find(interaction, out var request);
        if (subcommand is null || request is null || interaction.Caller is null)
        {
            Log.UnknownCommand(logger, interaction.Data?.Name);
            return Reply(CommandReply.Private("I don't know that command. Try `/postmortem tasks`."));
        }

        return await AnswerAsync(context, commands, subcommand, request, options.AnswerBudget, logger).ConfigureAwait(false);
    }

    private static async Task<IResult> AnswerAsync(
        HttpContext context, PostmortemCommands commands, IPostmortemSubcommand subcommand, CommandRequest request, TimeSpan budget, ILogger logger)
    {
        var services = context.RequestServices;
        var time = services.GetRequiredService<TimeProvider>();
        var stopping = services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
        var followUps = services.GetRequiredService<InteractionFollowUps>();
        Log.Command(logger, request.Subcommand, request.CallerId);

        // The work outlives the request when it is deferred: it stops with the host, not with the HTTP exchange.
        var work = commands.RunAsync(subcommand, request, stopping);
        if (!work.IsCompleted && budget > TimeSpan.Zero)
        {
            await Task.WhenAny(work, Task.Delay(budget, time, context.RequestAborted)).ConfigureAwait(false);
        }

        var interaction = request.Interaction;
        if (work.IsCompletedSuccessfully)
        {
            var reply = work.Result;
            if (reply.Pages.Count > 1)
            {
                context.Response.OnCompleted(() => Detach(followUps.SendAsync(interaction, work, deferred: false, stopping)));
            }

            return Reply(reply);
        }

        Log.Deferred(logger, request.Subcommand, budget);
        context.Response.OnCompleted(() => Detach(followUps.SendAsync(interaction, work, deferred: true, stopping)));
        var flags = subcommand.Personal ? EphemeralFlag : (int?)null;
        return Respond(new InteractionResponse(InteractionCallbackType.DeferredChannelMessageWithSource) { Data = flags is null ? null : new MessageRequest("") { Flags = flags } });
    }

    // Runs after the response is written; the follow-ups log their own failures.
    private static Task Detach(Task followUps)
    {
        _ = followUps;
        return Task.CompletedTask;
    }

    private static IResult Reply(CommandReply reply) => Respond(new InteractionResponse(InteractionCallbackType.ChannelMessageWithSource)
    {
        Data = new MessageRequest(reply.Pages[0]) { AllowedMentions = reply.Mentions, Flags = reply.Ephemeral ? EphemeralFlag : null },
    });

    private static IResult Respond(InteractionResponse response) =>
        Results.Bytes(JsonSerializer.SerializeToUtf8Bytes(response, DiscordJsonContext.Default.InteractionResponse), "application/json");

    /// <summary>The log category of the endpoint (a static class cannot name an <c>ILogger&lt;T&gt;</c>).</summary>
    internal sealed class InteractionRequest;

    // Never logged: the signature, the body, the interaction token.
    private static partial class Log
    {
        private static readonly Func<ILogger, string, IDisposable?> Scope = LoggerMessage.DefineScope<string>("DiscordInteraction:{InteractionId}");

        public static IDisposable? InteractionScope(ILogger logger, string interactionId) => Scope(logger, interactionId);

        [LoggerMessage(EventId = 4100, Level = LogLevel.Warning, Message = "Refused Discord interaction: signature {Result}")]
        public static partial void SignatureRejected(ILogger logger, InteractionSignatureResult result);

        [LoggerMessage(EventId = 4101, Level = LogLevel.Warning, Message = "Refused Discord interaction: body over the cap (Content-Length {ContentLength})")]
        public static partial void BodyTooLarge(ILogger logger, long? contentLength);

        [LoggerMessage(EventId = 4102, Level = LogLevel.Warning, Message = "Refused Discord interaction: signed, but the body is not an interaction")]
        public static partial void NotAnInteraction(ILogger logger);

        [LoggerMessage(EventId = 4103, Level = LogLevel.Information, Message = "Discord PING answered with PONG")]
        public static partial void Ping(ILogger logger);

        [LoggerMessage(EventId = 4104, Level = LogLevel.Warning, Message = "Discord interaction of type {Type} not supported (commands available: {CommandsAvailable})")]
        public static partial void Unsupported(ILogger logger, InteractionType type, bool commandsAvailable);

        [LoggerMessage(EventId = 4105, Level = LogLevel.Warning, Message = "Discord command {Name} is not one of ours")]
        public static partial void UnknownCommand(ILogger logger, string? name);

        [LoggerMessage(EventId = 4106, Level = LogLevel.Information, Message = "/postmortem {Subcommand} from Discord user {UserId}")]
        public static partial void Command(ILogger logger, string subcommand, string userId);

        [LoggerMessage(EventId = 4107, Level = LogLevel.Information, Message = "/postmortem {Subcommand} not ready within {Budget}: answer deferred")]
        public static partial void Deferred(ILogger logger, string subcommand, TimeSpan budget);
    }
}
