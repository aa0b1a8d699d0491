namespace ActionBot.Core.Ports;

/// <summary>Outgoing work waiting for another try (the chat outbox): the retry job calls each registered retrier.</summary>
public interface IPendingWorkRetrier
{
    /// <summary>Tries again what is due at <paramref name="now"/>; returns how many were handled.</summary>
    Task<int> RetryPendingAsync(DateTimeOffset now, CancellationToken cancellationToken);
}
