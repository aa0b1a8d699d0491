namespace ActionBot.Tests.Infrastructure;

/// <summary>
/// Holds the first request of the bot's GitHub client that <paramref name="matches"/>, before it is sent, until the test
/// calls <see cref="Release"/>: a way to stop the bot at a chosen point of its work and act meanwhile.
/// </summary>
internal sealed class HeldRequest(Func<HttpRequestMessage, bool> matches)
{
    private readonly Func<HttpRequestMessage, bool> _matches = matches;
    private readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _held;

    /// <summary>Completes when the matching request is being held.</summary>
    public Task Reached => _reached.Task;

    public void Release() => _released.TrySetResult();

    /// <summary>A handler for the bot's GitHub client; a new one per pipeline, as the client factory requires.</summary>
    public DelegatingHandler CreateHandler() => new Handler(this);

    private sealed class Handler(HeldRequest hold) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (hold._matches(request) && Interlocked.Exchange(ref hold._held, 1) == 0)
            {
                hold._reached.TrySetResult();
                await hold._released.Task.WaitAsync(cancellationToken);
            }

            return await base.SendAsync(request, cancellationToken);
        }
    }
}
