namespace ActionBot.Tests.Infrastructure;

/// <summary>
/// Where a test "kills" the bot: the request that makes write number <c>writesBeforeKill + 1</c> of a kind reaches
/// GitHub (the write is done there), and then the bot never sees the answer. The kind is an issue create by default;
/// <see cref="OnAttach"/> kills at a sub-issue attach instead. The test disposes the app once <see cref="Reached"/>.
/// </summary>
internal sealed class ProcessKill(int createsBeforeKill, Func<HttpRequestMessage, bool>? isWrite = null)
{
    private readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly int _writesBeforeKill = createsBeforeKill;
    private readonly Func<HttpRequestMessage, bool> _isWrite = isWrite ?? IsIssueCreate;
    private int _writes;

    public Task Reached => _reached.Task;

    /// <summary>Killed once GitHub attached sub-issue number <paramref name="attachesBeforeKill"/> + 1.</summary>
    public static ProcessKill OnAttach(int attachesBeforeKill) => new(attachesBeforeKill, IsAttach);

    /// <summary>A handler for the bot's GitHub client; a new one per pipeline, as the client factory requires.</summary>
    public DelegatingHandler CreateHandler() => new Handler(this);

    private static bool IsIssueCreate(HttpRequestMessage request) =>
        request.Method == HttpMethod.Post && request.RequestUri!.AbsolutePath.EndsWith("/issues", StringComparison.Ordinal);

    private static bool IsAttach(HttpRequestMessage request) =>
        request.Method == HttpMethod.Post && request.RequestUri!.AbsolutePath.EndsWith("/sub_issues", StringComparison.Ordinal);

    private sealed class Handler(ProcessKill kill) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            if (kill._isWrite(request) && response.IsSuccessStatusCode && Interlocked.Increment(ref kill._writes) > kill._writesBeforeKill)
            {
                response.Dispose();
                kill._reached.TrySetResult();

                // The process is gone: nothing after the write runs; only the host's shutdown ends this wait.
                await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
            }

            return response;
        }
    }
}
