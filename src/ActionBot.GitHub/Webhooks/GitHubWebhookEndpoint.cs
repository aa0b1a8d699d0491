using ActionBot.Core.Observability;
using ActionBot.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ActionBot.GitHub.Webhooks;

/// <summary>
/// <c>POST /webhooks/github</c>: verify, then acknowledge. Checks run in this order and nothing reaches
/// the sink unless all pass: secret configured (503) and a signature header of the right shape (401), both before the
/// body is read; declared size (413); the body read (see <see cref="RequestBodyReader"/>: 413, 503 when too many large
/// bodies are read at once, 408 or 400 when its sender is too slow or gone); signature (401); delivery headers and
/// JSON (400). <c>ping</c> gets 200, every other delivery is handed to the sink and gets 202.
/// </summary>
public static partial class GitHubWebhookEndpoint
{
    public const string Route = "/webhooks/github";
    public const string EventHeader = "X-GitHub-Event";
    public const string DeliveryHeader = "X-GitHub-Delivery";
    public const string HookIdHeader = "X-GitHub-Hook-ID";

    /// <summary>GitHub caps payloads at 25 MB and does not deliver larger ones.</summary>
    public const int MaxBodyBytes = 25 * 1024 * 1024;

    private const string RetryAfterSeconds = "10";

    private const string Source = "github";

    public static IServiceCollection AddGitHubWebhooks(this IServiceCollection services)
    {
        services.AddOptions<GitHubWebhookOptions>().BindConfiguration(GitHubWebhookOptions.SectionName);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<RequestBodyReader>();
        services.AddMetrics();
        services.TryAddSingleton<ActionBotMetrics>();
        return services;
    }

    public static IEndpointRouteBuilder MapGitHubWebhooks(this IEndpointRouteBuilder endpoints)
    {
        // Public: the signature is its authentication.
        endpoints.MapPost(Route, HandleAsync).WithName("GitHubWebhook").AllowAnonymous();
        return endpoints;
    }

    internal static async Task<Results<Ok, Accepted, UnauthorizedHttpResult, ProblemHttpResult>> HandleAsync(
        HttpRequest request,
        [FromServices] IOptionsMonitor<GitHubWebhookOptions> options,
        [FromServices] IWebhookDeliverySink sink,
        [FromServices] RequestBodyReader bodies,
        [FromServices] TimeProvider time,
        [FromServices] ILogger<WebhookDelivery> logger,
        [FromServices] ActionBotMetrics metrics,
        CancellationToken cancellationToken)
    {
        // Every header is the sender's text until the signature is checked, and the signature covers only the body:
        // what is logged of them goes through LogText.
        var headers = request.Headers;
        var deliveryId = HeaderOrNull(headers, DeliveryHeader);
        var eventName = HeaderOrNull(headers, EventHeader);
        var loggedId = LogText.Sanitize(deliveryId);
        using var scope = Log.DeliveryScope(logger, loggedId);
        if (logger.IsEnabled(LogLevel.Debug))
        {
            var loggedEvent = LogText.Sanitize(eventName);
            var hookId = LogText.Sanitize(HeaderOrNull(headers, HookIdHeader));
            var userAgent = LogText.Sanitize(HeaderOrNull(headers, "User-Agent"));
            Log.DeliveryReceived(logger, loggedEvent, loggedId, hookId, userAgent, request.ContentLength);
        }

        // Refused on its headers alone, before a byte of the body is read: no secret, no signature of the right shape.
        var secret = options.CurrentValue.WebhookSecret;
        var signatureHeader = HeaderOrNull(headers, WebhookSignatureValidator.HeaderName);
        var shape = WebhookSignatureValidator.CheckHeader(signatureHeader, secret);
        if (shape == WebhookSignatureResult.MissingSecret)
        {
            Log.SecretNotConfigured(logger, loggedId);
            metrics.WebhookRejected(Source, "no_secret");
            return TypedResults.Problem(title: "webhook secret not configured", statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        if (shape != WebhookSignatureResult.Valid)
        {
            return Unsigned(logger, metrics, loggedId, shape);
        }

        using var read = await bodies.ReadAsync(request, MaxBodyBytes, cancellationToken).ConfigureAwait(false);
        if (read.Status != BodyReadStatus.Ok)
        {
            return NotRead(request, logger, metrics, loggedId, read);
        }

        var signature = WebhookSignatureValidator.Validate(read.Body.Segments, signatureHeader, secret);
        if (signature != WebhookSignatureResult.Valid)
        {
            return Unsigned(logger, metrics, loggedId, signature);
        }

        // Ids and event names are stored and logged later on: only printable ones of a sane length are taken.
        if (deliveryId is null || eventName is null || !LogText.IsClean(deliveryId) || !LogText.IsClean(eventName))
        {
            var loggedEvent = LogText.Sanitize(eventName);
            Log.MissingDeliveryHeaders(logger, loggedId, loggedEvent);
            metrics.WebhookRejected(Source, "missing_headers");
            return TypedResults.Problem(title: $"{DeliveryHeader} and {EventHeader} headers are required, as printable text", statusCode: StatusCodes.Status400BadRequest);
        }

        var body = read.Body.ToArray();
        if (!WebhookEnvelope.TryRead(body, out var envelope))
        {
            Log.BodyNotJson(logger, deliveryId, eventName);
            metrics.WebhookRejected(Source, "not_json");
            return TypedResults.Problem(title: "body is not a JSON object", statusCode: StatusCodes.Status400BadRequest);
        }

        // Counted only once verified: before that the event header is anyone's text, unfit for a metric label.
        metrics.WebhookReceived(Source, eventName);
        if (string.Equals(eventName, "ping", StringComparison.Ordinal))
        {
            var hookId = LogText.Sanitize(HeaderOrNull(headers, HookIdHeader));
            Log.Ping(logger, deliveryId, hookId);
            return TypedResults.Ok();
        }

        var delivery = new WebhookDelivery(deliveryId, eventName, envelope.Action, envelope.Repository, body, time.GetUtcNow());
        var acceptance = await sink.AcceptAsync(delivery, cancellationToken).ConfigureAwait(false);
        if (acceptance == DeliveryAcceptance.Duplicate)
        {
            Log.DuplicateDelivery(logger, deliveryId, eventName);
        }
        else
        {
            Log.DeliveryAccepted(logger, deliveryId, eventName, envelope.Action, envelope.Repository);
        }

        return TypedResults.Accepted((string?)null);
    }

    private static UnauthorizedHttpResult Unsigned(ILogger logger, ActionBotMetrics metrics, string? loggedId, WebhookSignatureResult signature)
    {
        Log.SignatureRejected(logger, loggedId, signature);
        metrics.WebhookRejected(Source, "signature");
        return TypedResults.Unauthorized();
    }

    // The body was not read whole: too large, too many large ones at once, or its sender too slow or gone. The last two
    // are expected events on the internet, logged as such, without a stack trace.
    private static ProblemHttpResult NotRead(HttpRequest request, ILogger logger, ActionBotMetrics metrics, string? loggedId, BodyRead read)
    {
        switch (read.Status)
        {
            case BodyReadStatus.TooLarge:
                Log.BodyTooLarge(logger, loggedId, request.ContentLength, MaxBodyBytes);
                metrics.WebhookRejected(Source, "too_large");
                return TypedResults.Problem(title: "payload too large", statusCode: StatusCodes.Status413PayloadTooLarge);
            case BodyReadStatus.Busy:
                Log.Busy(logger, loggedId, request.ContentLength);
                metrics.WebhookRejected(Source, "busy");
                request.HttpContext.Response.Headers.RetryAfter = RetryAfterSeconds;
                return TypedResults.Problem(title: "too many large deliveries at once; retry later", statusCode: StatusCodes.Status503ServiceUnavailable);
            case BodyReadStatus.TimedOut:
                Log.SenderTooSlow(logger, loggedId, read.BytesRead, request.ContentLength);
                metrics.WebhookRejected(Source, "too_slow");
                return TypedResults.Problem(title: "the body arrived too slowly", statusCode: StatusCodes.Status408RequestTimeout);
            default:
                Log.SenderGone(logger, loggedId, request.ContentLength);
                metrics.WebhookRejected(Source, "aborted");
                return TypedResults.Problem(title: "the body ended early", statusCode: StatusCodes.Status400BadRequest);
        }
    }

    private static string? HeaderOrNull(IHeaderDictionary headers, string name) =>
        headers.TryGetValue(name, out var values) && values.Count > 0 && !string.IsNullOrEmpty(values[0]) ? values[0] : null;

    // Logged under the WebhookDelivery category: a static class cannot name an ILogger<T>, and a singleton
    // logger avoids the factory's lock on every request. Only the allowlisted headers (event, delivery, hook id, user agent) are ever logged; never the
    // signature, the secret or the body.
    private static partial class Log
    {
        private static readonly Func<ILogger, string, IDisposable?> Scope =
            LoggerMessage.DefineScope<string>("GitHubDelivery:{DeliveryId}");

        public static IDisposable? DeliveryScope(ILogger logger, string? deliveryId) => Scope(logger, deliveryId ?? "(none)");

        [LoggerMessage(EventId = 1109, Level = LogLevel.Warning, Message = "Refused GitHub delivery {DeliveryId} for now: too many large bodies are being read (Content-Length {ContentLength}); answered 503 with Retry-After")]
        public static partial void Busy(ILogger logger, string? deliveryId, long? contentLength);

        [LoggerMessage(EventId = 1110, Level = LogLevel.Warning, Message = "GitHub delivery {DeliveryId}: the sender was too slow and was cut off after {BytesRead} of {ContentLength} bytes")]
        public static partial void SenderTooSlow(ILogger logger, string? deliveryId, long bytesRead, long? contentLength);

        [LoggerMessage(EventId = 1111, Level = LogLevel.Information, Message = "GitHub delivery {DeliveryId}: the sender went away before the end of its body (Content-Length {ContentLength})")]
        public static partial void SenderGone(ILogger logger, string? deliveryId, long? contentLength);

        [LoggerMessage(EventId = 1100, Level = LogLevel.Debug, Message = "Received GitHub {Event} delivery {DeliveryId} from hook {HookId} ({UserAgent}), {ContentLength} bytes declared")]
        public static partial void DeliveryReceived(ILogger logger, string? @event, string? deliveryId, string? hookId, string? userAgent, long? contentLength);

        [LoggerMessage(EventId = 1101, Level = LogLevel.Warning, Message = "Refused GitHub delivery {DeliveryId}: no webhook secret is configured (ActionBot:GitHub:WebhookSecret)")]
        public static partial void SecretNotConfigured(ILogger logger, string? deliveryId);

        [LoggerMessage(EventId = 1102, Level = LogLevel.Warning, Message = "Refused GitHub delivery {DeliveryId}: body over {MaxBytes} bytes (Content-Length {ContentLength})")]
        public static partial void BodyTooLarge(ILogger logger, string? deliveryId, long? contentLength, int maxBytes);

        [LoggerMessage(EventId = 1103, Level = LogLevel.Warning, Message = "Refused GitHub delivery {DeliveryId}: signature {SignatureResult}")]
        public static partial void SignatureRejected(ILogger logger, string? deliveryId, WebhookSignatureResult signatureResult);

        [LoggerMessage(EventId = 1104, Level = LogLevel.Warning, Message = "Refused GitHub delivery {DeliveryId}: delivery or event header missing (event {Event})")]
        public static partial void MissingDeliveryHeaders(ILogger logger, string? deliveryId, string? @event);

        [LoggerMessage(EventId = 1105, Level = LogLevel.Warning, Message = "Refused GitHub {Event} delivery {DeliveryId}: body is not a JSON object")]
        public static partial void BodyNotJson(ILogger logger, string deliveryId, string @event);

        [LoggerMessage(EventId = 1106, Level = LogLevel.Information, Message = "GitHub ping {DeliveryId} from hook {HookId}")]
        public static partial void Ping(ILogger logger, string deliveryId, string? hookId);

        [LoggerMessage(EventId = 1107, Level = LogLevel.Debug, Message = "Accepted GitHub {Event} delivery {DeliveryId} (action {Action}, repository {Repository})")]
        public static partial void DeliveryAccepted(ILogger logger, string deliveryId, string @event, string? action, string? repository);

        [LoggerMessage(EventId = 1108, Level = LogLevel.Information, Message = "GitHub {Event} delivery {DeliveryId} was already received; acknowledged without storing")]
        public static partial void DuplicateDelivery(ILogger logger, string deliveryId, string @event);
    }
}
