namespace ActionBot.Core.Ports;

/// <summary>
/// A message the bot has promised to send, kept until the chat accepts it. <see cref="Key"/> says what the
/// message is (<c>announce:…</c>, <c>remind:…</c>, <c>digest:…</c>): the same key twice is one message.
/// <see cref="Payload"/> is the adapter's own request, rendered when the message was enqueued.
/// </summary>
public sealed record OutgoingMessage(
    string Key,
    string Destination,
    string Payload,
    DateTimeOffset CreatedAt,
    int Attempts = 0);

/// <summary>
/// Durable queue of outgoing chat messages. Enqueued messages survive restarts and outages of the chat; a claim
/// whose sender died is claimed again when its lease runs out, so every message is sent, and sent once.
/// </summary>
public interface IChatOutbox
{
    /// <summary>Stores a message; false (and nothing changes) when its key is already known.</summary>
    Task<bool> TryEnqueueAsync(OutgoingMessage message, CancellationToken cancellationToken);

    /// <summary>Claims the oldest message that is due (pending and due, or claimed with an expired lease).</summary>
    Task<OutgoingMessage?> ClaimNextAsync(DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken);

    Task MarkSentAsync(string key, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Puts a claimed message back, to be tried again at <paramref name="retryAt"/>.</summary>
    Task RetryLaterAsync(string key, string reason, DateTimeOffset retryAt, CancellationToken cancellationToken);

    /// <summary>Gives up on a message the chat refuses for good (kept, with its reason, for people to look at).</summary>
    Task FailAsync(string key, string reason, DateTimeOffset at, CancellationToken cancellationToken);

    Task<int> CountPendingAsync(CancellationToken cancellationToken);
}
