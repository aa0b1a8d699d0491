namespace ActionBot.Core.Ports;

/// <summary>A webhook delivery as received, waiting to be (or being) processed.</summary>
public sealed record InboxDelivery(
    string Id,
    string Event,
    string? Action,
    string? Repository,
    ReadOnlyMemory<byte> Body,
    DateTimeOffset ReceivedAt,
    int Attempts = 0);

/// <summary>
/// Durable queue of webhook deliveries keyed by delivery id. A delivery is stored before it is acknowledged,
/// processed by a background worker, and survives restarts: a claim whose worker died is claimed again
/// once its lease runs out.
/// </summary>
public interface IDeliveryInbox
{
    /// <summary>Stores a delivery; false (and nothing changes) when its id is already known.</summary>
    Task<bool> TryAddAsync(InboxDelivery delivery, CancellationToken cancellationToken);

    /// <summary>Claims the oldest delivery that is due (pending and due, or claimed with an expired lease).</summary>
    async Task<InboxDelivery?> ClaimNextAsync(DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken) =>
        (await ClaimBatchAsync(now, lease, 1, cancellationToken).ConfigureAwait(false)) is [var delivery] ? delivery : null;

    /// <summary>
    /// Claims up to <paramref name="max"/> due deliveries at once, oldest first, each with the same lease: the
    /// worker pays for one transaction instead of one per delivery. Empty when nothing is due.
    /// </summary>
    Task<IReadOnlyList<InboxDelivery>> ClaimBatchAsync(DateTimeOffset now, TimeSpan lease, int max, CancellationToken cancellationToken);

    Task CompleteAsync(string id, DateTimeOffset at, CancellationToken cancellationToken) => CompleteAsync([id], at, cancellationToken);

    /// <summary>
    /// Marks the deliveries done, together (one transaction where the store has them). Known ids are completed even
    /// when some are not; then it throws, naming the unknown ones.
    /// </summary>
    Task CompleteAsync(IReadOnlyCollection<string> ids, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Puts a claimed delivery back, to be tried again at <paramref name="retryAt"/>.</summary>
    Task RetryLaterAsync(string id, string reason, DateTimeOffset retryAt, CancellationToken cancellationToken);

    /// <summary>Gives up on a delivery after too many attempts; it is kept, with its reason, for people to look at.</summary>
    Task FailAsync(string id, string reason, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>
    /// Forgets done deliveries completed before <paramref name="completedBefore"/>: their ids stop counting as
    /// duplicates. Failed and waiting deliveries are kept. Returns how many were removed.
    /// </summary>
    Task<int> PruneDoneAsync(DateTimeOffset completedBefore, CancellationToken cancellationToken);

    /// <summary>How many deliveries are waiting (pending or claimed), for health and metrics.</summary>
    Task<int> CountPendingAsync(CancellationToken cancellationToken);
}
