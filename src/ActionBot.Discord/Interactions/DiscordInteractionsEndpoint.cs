using System.Text.Json;
using ActionBot.Core.Observability;
using ActionBot.Discord.Api;
using ActionBot.Discord.Interactions.Commands;
using ActionBot.Web;
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
        // Public: the signature is its authentication.
        endpoints.MapPost(Route, (Delegate)HandleAsync).WithName("DiscordInteractions").AllowAnonymous();
        return endpoints;
    }

    internal static async Task<IResult> HandleAsync(HttpContext context)
    {
        var services = context.RequestServices;
        var logger = services.GetRequiredService<ILogger<InteractionRequest>>();
        var options = services.GetRequiredService<IOptionsMonitor<DiscordOptions>>().CurrentValue;
        var headers = context.Request.Headers;
        string? signatureHex = headers[Ed25519SignatureVerifier.SignatureHeader], timestamp = headers[Ed25519SignatureVerifier.TimestampHeader];

        // Refused on its headers alone, before a byte of the body is read.
        var shape = Ed25519SignatureVerifier.CheckHeaders(options.PublicKey, signatureHex, timestamp);
        if (shape != InteractionSignatureResult.Valid)
        {
            Log.SignatureRejected(logger, shape);
            return Results.Unauthorized();
        }

        using var read = await services.GetRequiredService<RequestBodyReader>().ReadAsync(context.Request, MaxBodyBytes, context.RequestAborted).ConfigureAwait(false);
        if (read.Status != BodyReadStatus.Ok)
        {
            return NotRead(context, logger, read);
        }

        var body = read.Body.ToArray();
        var signature = services.GetRequiredService<Ed25519SignatureVerifier>().Verify(options.PublicKey, signatureHex, timestamp, body);
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
            Log.UnknownCommand(logger, LogText.Sanitize(interaction.Data?.Name));
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

    // Too large, too many large bodies at once, or a sender too slow or gone: expected events, logged without a stack trace.
    private static IResult NotRead(HttpContext context, ILogger logger, BodyRead read)
    {
        var contentLength = context.Request.ContentLength;
        switch (read.Status)
        {
            case BodyReadStatus.TooLarge:
                Log.BodyTooLarge(logger, contentLength);
                return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
            case BodyReadStatus.Busy:
                Log.Busy(logger, contentLength);
                context.Response.Headers.RetryAfter = "10";
                return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
            case BodyReadStatus.TimedOut:
                Log.SenderTooSlow(logger, read.BytesRead, contentLength);
                return Results.StatusCode(StatusCodes.Status408RequestTimeout);
            default:
                Log.SenderGone(logger, contentLength);
                return Results.StatusCode(StatusCodes.Status400BadRequest);
        }
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

        [LoggerMessage(EventId = 4108, Level = LogLevel.Warning, Message = "Refused a Discord interaction for now: too many large bodies are being read (Content-Length {ContentLength})")]
        public static partial void Busy(ILogger logger, long? contentLength);

        [LoggerMessage(EventId = 4109, Level = LogLevel.Warning, Message = "Discord interaction: the sender was too slow and was cut off after {BytesRead} of {ContentLength} bytes")]
        public static partial void SenderTooSlow(ILogger logger, long bytesRead, long? contentLength);

        [LoggerMessage(EventId = 4110, Level = LogLevel.Information, Message = "Discord interaction: the sender went away before the end of its body (Content-Length {ContentLength})")]
        public static partial void SenderGone(ILogger logger, long? contentLength);

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
