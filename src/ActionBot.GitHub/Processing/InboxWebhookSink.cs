using ActionBot.Core.Ports;
using ActionBot.GitHub.Webhooks;

namespace ActionBot.GitHub.Processing;

/// <summary>Stores each verified delivery in the durable inbox, keyed by its delivery id, and wakes the worker.</summary>
public sealed class InboxWebhookSink(IDeliveryInbox inbox, DeliverySignal signal) : IWebhookDeliverySink
{
    public async ValueTask<DeliveryAcceptance> AcceptAsync(WebhookDelivery delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var stored = new InboxDelivery(delivery.DeliveryId, delivery.Event, delivery.Action, delivery.Repository, delivery.Body, delivery.ReceivedAt);
        if (!await inbox.TryAddAsync(stored, cancellationToken))
        {
            return DeliveryAcceptance.Duplicate;
        }

        signal.Notify();
        return DeliveryAcceptance.Accepted;
    }
}

/// <summary>
/// Wakes the delivery worker when something arrives, so it need not poll often. The worker takes
/// <see cref="Next"/> before it drains the inbox, so a delivery stored while it drains is never missed.
/// </summary>
public sealed class DeliverySignal
{
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes at the next <see cref="Notify"/>.</summary>
    public Task Next => Volatile.Read(ref _next).Task;

    public void Notify() =>
        Interlocked.Exchange(ref _next, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
}
