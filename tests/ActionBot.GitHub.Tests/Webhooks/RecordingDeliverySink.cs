using System.Collections.Concurrent;
using ActionBot.GitHub.Webhooks;

namespace ActionBot.GitHub.Tests.Webhooks;

/// <summary>An in-memory inbox keyed by delivery id, like the real one.</summary>
internal sealed class RecordingDeliverySink : IWebhookDeliverySink
{
    private readonly ConcurrentDictionary<string, WebhookDelivery> _accepted = new(StringComparer.Ordinal);
    private int _calls;

    public IReadOnlyCollection<WebhookDelivery> Accepted => (IReadOnlyCollection<WebhookDelivery>)_accepted.Values;

    public int Calls => Volatile.Read(ref _calls);

    public ValueTask<DeliveryAcceptance> AcceptAsync(WebhookDelivery delivery, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _calls);
        return ValueTask.FromResult(_accepted.TryAdd(delivery.DeliveryId, delivery) ? DeliveryAcceptance.Accepted : DeliveryAcceptance.Duplicate);
    }
}
