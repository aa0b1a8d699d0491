using System.Text.Json.Serialization;

namespace ActionBot.GitHub.Webhooks.Payloads;

// Nullable annotations and constructor parameters are enforced, so a payload missing a field the
// bot relies on fails to deserialize instead of surfacing later as a null.
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(PullRequestEvent))]
[JsonSerializable(typeof(PushEvent))]
[JsonSerializable(typeof(IssuesEvent))]
[JsonSerializable(typeof(PingEvent))]
public sealed partial class WebhookJsonContext : JsonSerializerContext;
