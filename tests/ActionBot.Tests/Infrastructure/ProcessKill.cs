namespace ActionBot.Tests.Infrastructure;

/// <summary>
/// Where a test "kills" the bot: the request that creates issue number <c>createsBeforeKill + 1</c> reaches GitHub
/// (the issue exists), and then the bot never sees the answer. The test disposes the app once <see cref="Reached"/>.
/// </summary>
internal sealed class ProcessKill(int createsBeforeKill)
{
    private readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly int _createsBeforeKill = createsBeforeKill;
    private int _creates;

    public Task Reached => _reached.Task;

    /// <summary>A handler for the bot's GitHub client; a new one per pipeline, as the client factory requires.</summary>
    public DelegatingHandler CreateHandler() => new Handler(this);

    private sealed class Handler(ProcessKill kill) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            var isCreate = request.Method == HttpMethod.Post && request.RequestUri!.AbsolutePath.EndsWith("/issues", StringComparison.Ordinal);
            if (isCreate && response.IsSuccessStatusCode && Interlocked.Increment(ref kill._creates) > kill._createsBeforeKill)
            {
                response.Dispose();
                kill._reached.TrySetResult();

                // The process is gone: nothing after the create runs; only the host's shutdown ends this wait.
                await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
            }

            return response;
        }
    }
}
