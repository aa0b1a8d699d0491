namespace ActionBot.GitHub.Webhooks;

/// <summary>
/// Where a verified delivery goes to be worked on later (an inbox keyed by the delivery id).
/// The endpoint answers 202 as soon as this returns, whichever the answer.
/// </summary>
public interface IWebhookDeliverySink
{
    ValueTask<DeliveryAcceptance> AcceptAsync(WebhookDelivery delivery, CancellationToken cancellationToken);
}

/// <summary>A verified delivery. <paramref name="Body"/> is the exact signed bytes and is the sink's to keep.</summary>
public sealed record WebhookDelivery(
    string DeliveryId,
    string Event,
    string? Action,
    string? Repository,
    ReadOnlyMemory<byte> Body,
    DateTimeOffset ReceivedAt);

public enum DeliveryAcceptance
{
    Accepted,

    /// <summary>GitHub redelivered an id already held; nothing new was stored.</summary>
    Duplicate,
}
