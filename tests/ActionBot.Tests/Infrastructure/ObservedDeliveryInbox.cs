using ActionBot.Core.Ports;

namespace ActionBot.Tests.Infrastructure;

/// <summary>
/// The app's own inbox with a signal: every delivery stored or settled (completed, put back, set aside) completes
/// <see cref="NextChange"/>, so a test waits for the background worker instead of polling or sleeping.
/// </summary>
internal sealed class ObservedDeliveryInbox(IDeliveryInbox inner) : IDeliveryInbox
{
    private TaskCompletionSource _changed = NewSignal();

    /// <summary>Completes at the next change; take it before looking at the inbox, so no change is missed.</summary>
    public Task NextChange => Volatile.Read(ref _changed).Task;

    public async Task<bool> TryAddAsync(InboxDelivery delivery, CancellationToken cancellationToken)
    {
        var added = await inner.TryAddAsync(delivery, cancellationToken);
        Signal();
        return added;
    }

    public Task<IReadOnlyList<InboxDelivery>> ClaimBatchAsync(DateTimeOffset now, TimeSpan lease, int max, CancellationToken cancellationToken) =>
        inner.ClaimBatchAsync(now, lease, max, cancellationToken);

    public async Task CompleteAsync(IReadOnlyCollection<string> ids, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await inner.CompleteAsync(ids, at, cancellationToken);
        Signal();
    }

    public async Task RetryLaterAsync(string id, string reason, DateTimeOffset retryAt, CancellationToken cancellationToken)
    {
        await inner.RetryLaterAsync(id, reason, retryAt, cancellationToken);
        Signal();
    }

    public async Task FailAsync(string id, string reason, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await inner.FailAsync(id, reason, at, cancellationToken);
        Signal();
    }

    public Task<int> PruneDoneAsync(DateTimeOffset completedBefore, CancellationToken cancellationToken) =>
        inner.PruneDoneAsync(completedBefore, cancellationToken);

    public Task<int> CountPendingAsync(CancellationToken cancellationToken) => inner.CountPendingAsync(cancellationToken);

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private void Signal() => Interlocked.Exchange(ref _changed, NewSignal()).TrySetResult();
}
