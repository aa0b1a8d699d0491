using ActionBot.Core.Observability;
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
/// the sink unless all pass: secret configured (503), size (413), signature (401), delivery headers and
/// JSON (400); <c>ping</c> gets 200, every other delivery is handed to the sink and gets 202.
/// </summary>
public static partial class GitHubWebhookEndpoint
{
    public const string Route = "/webhooks/github";
    public const string EventHeader = "X-GitHub-Event";
    public const string DeliveryHeader = "X-GitHub-Delivery";
    public const string HookIdHeader = "X-GitHub-Hook-ID";

    private const string Source = "github";

    public static IServiceCollection AddGitHubWebhooks(this IServiceCollection services)
    {
        services.AddOptions<GitHubWebhookOptions>().BindConfiguration(GitHubWebhookOptions.SectionName);
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.TryAddSingleton<ActionBotMetrics>();
        return services;
    }

    public static IEndpointRouteBuilder MapGitHubWebhooks(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(Route, HandleAsync).WithName("GitHubWebhook");
        return endpoints;
    }

    internal static async Task<Results<Ok, Accepted, UnauthorizedHttpResult, ProblemHttpResult>> HandleAsync(
        HttpRequest request,
        [FromServices] IOptionsMonitor<GitHubWebhookOptions> options,
        [FromServices] IWebhookDeliverySink sink,
        [FromServices] TimeProvider time,
        [FromServices] ILogger<WebhookDelivery> logger,
        [FromServices] ActionBotMetrics metrics,
        CancellationToken cancellationToken)
    {
        var headers = request.Headers;
        var deliveryId = HeaderOrNull(headers, DeliveryHeader);
        var eventName = HeaderOrNull(headers, EventHeader);
        using var scope = Log.DeliveryScope(logger, deliveryId);
        if (logger.IsEnabled(LogLevel.Debug))
        {
            var hookId = HeaderOrNull(headers, HookIdHeader);
            var userAgent = HeaderOrNull(headers, "User-Agent");
            Log.DeliveryReceived(logger, eventName, deliveryId, hookId, userAgent, request.ContentLength);
        }

        var secret = options.CurrentValue.WebhookSecret;
        if (string.IsNullOrEmpty(secret))
        {
            Log.SecretNotConfigured(logger, deliveryId);
            metrics.WebhookRejected(Source, "no_secret");
            return TypedResults.Problem(title: "webhook secret not configured", statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        var read = await WebhookBodyReader.ReadAsync(request, cancellationToken).ConfigureAwait(false);
        if (read.Status == WebhookBodyStatus.TooLarge)
        {
            Log.BodyTooLarge(logger, deliveryId, request.ContentLength, WebhookBodyReader.MaxBodyBytes);
            metrics.WebhookRejected(Source, "too_large");
            return TypedResults.Problem(title: "payload too large", statusCode: StatusCodes.Status413PayloadTooLarge);
        }

        var body = read.Body;
        var signature = WebhookSignatureValidator.Validate(body.Span, HeaderOrNull(headers, WebhookSignatureValidator.HeaderName), secret);
        if (signature != WebhookSignatureResult.Valid)
        {
            Log.SignatureRejected(logger, deliveryId, signature);
            metrics.WebhookRejected(Source, "signature");
            return TypedResults.Unauthorized();
        }

        if (deliveryId is null || eventName is null)
        {
            Log.MissingDeliveryHeaders(logger, deliveryId, eventName);
            metrics.WebhookRejected(Source, "missing_headers");
            return TypedResults.Problem(title: $"{DeliveryHeader} and {EventHeader} headers are required", statusCode: StatusCodes.Status400BadRequest);
        }

        if (!WebhookEnvelope.TryRead(body.Span, out var envelope))
        {
            Log.BodyNotJson(logger, deliveryId, eventName);
            metrics.WebhookRejected(Source, "not_json");
            return TypedResults.Problem(title: "body is not a JSON object", statusCode: StatusCodes.Status400BadRequest);
        }

        // Counted only once verified: before that the event header is anyone's text, unfit for a metric label.
        metrics.WebhookReceived(Source, eventName);
        if (string.Equals(eventName, "ping", StringComparison.Ordinal))
        {
            var hookId = HeaderOrNull(headers, HookIdHeader);
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
