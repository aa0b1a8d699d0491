using ActionBot.Core.Ports;

namespace ActionBot.Tests.Infrastructure;

/// <summary>The app's own chat outbox with a signal: each message marked sent completes <see cref="NextSent"/>.</summary>
internal sealed class ObservedChatOutbox(IChatOutbox inner) : IChatOutbox
{
    private TaskCompletionSource _sent = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes at the next message marked sent; take it before looking at the outbox, so none is missed.</summary>
    public Task NextSent => Volatile.Read(ref _sent).Task;

    public Task<bool> TryEnqueueAsync(OutgoingMessage message, CancellationToken cancellationToken) => inner.TryEnqueueAsync(message, cancellationToken);

    public Task<OutgoingMessage?> ClaimNextAsync(DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken) => inner.ClaimNextAsync(now, lease, cancellationToken);

    public async Task MarkSentAsync(string key, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await inner.MarkSentAsync(key, at, cancellationToken);
        Interlocked.Exchange(ref _sent, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
    }

    public Task RetryLaterAsync(string key, string reason, DateTimeOffset retryAt, CancellationToken cancellationToken) => inner.RetryLaterAsync(key, reason, retryAt, cancellationToken);

    public Task FailAsync(string key, string reason, DateTimeOffset at, CancellationToken cancellationToken) => inner.FailAsync(key, reason, at, cancellationToken);

    public Task<int> CountPendingAsync(CancellationToken cancellationToken) => inner.CountPendingAsync(cancellationToken);

    /// <summary>Waits until nothing is pending, checking after each message sent.</summary>
    public async Task WaitUntilAllSentAsync(TimeSpan limit)
    {
        using var timeout = new CancellationTokenSource(limit);
        while (true)
        {
            var sent = NextSent;
            if (await CountPendingAsync(timeout.Token) == 0)
            {
                return;
            }

            await sent.WaitAsync(timeout.Token);
        }
    }
}
