using Microsoft.Extensions.Options;

namespace ActionBot.GitHub.Api.Handlers;

/// <summary>
/// Sends content-creating requests one at a time, with at least <see cref="GitHubOptions.MinimumWriteInterval"/>
/// between the end of one and the start of the next (GitHub's advice against secondary rate limits).
/// </summary>
internal sealed class GitHubWriteGate(IOptions<GitHubOptions> options, TimeProvider time) : IDisposable
{
    private readonly SemaphoreSlim _one = new(1, 1);
    private readonly TimeSpan _interval = options.Value.MinimumWriteInterval;
    private long? _lastWriteEnded;

    public async Task<Pass> EnterAsync(CancellationToken cancellationToken)
    {
        await _one.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_lastWriteEnded is { } ended && _interval - time.GetElapsedTime(ended) is var wait && wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
            }
        }
        catch
        {
            _one.Release();
            throw;
        }

        return new Pass(this);
    }

    public void Dispose() => _one.Dispose();

    private void Exit()
    {
        _lastWriteEnded = time.GetTimestamp();
        _one.Release();
    }

    internal readonly struct Pass(GitHubWriteGate? gate) : IDisposable
    {
        public void Dispose() => gate?.Exit();
    }
}
