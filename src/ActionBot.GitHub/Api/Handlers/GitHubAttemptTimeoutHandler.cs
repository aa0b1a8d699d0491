using Microsoft.Extensions.Options;

namespace ActionBot.GitHub.Api.Handlers;

/// <summary>
/// Innermost of ours: one attempt, the whole answer read into memory, within <see cref="GitHubOptions.RequestTimeout"/>
/// on <see cref="TimeProvider"/>. Octokit reads the body later with no limit at all; read here, a stalled body is a
/// time-out of this attempt, which the retry handler may repeat.
/// </summary>
internal sealed class GitHubAttemptTimeoutHandler(IOptions<GitHubOptions> options, TimeProvider time) : DelegatingHandler
{
    // Files are read whole; GitHub's raw contents stop at 100 MB, postmortems are far below this.
    private const long MaxAnswerBytes = 64 * 1024 * 1024;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var limit = options.Value.RequestTimeout;
        using var timer = limit > TimeSpan.Zero ? new CancellationTokenSource(limit, time) : new CancellationTokenSource();
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token);
        HttpResponseMessage? response = null;
        try
        {
            response = await base.SendAsync(request, attempt.Token).ConfigureAwait(false);
            await response.Content.LoadIntoBufferAsync(MaxAnswerBytes, attempt.Token).ConfigureAwait(false);
            return response;
        }
        catch (OperationCanceledException e) when (timer.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            response?.Dispose();
            throw new TimeoutException($"GitHub did not answer {request.Method} {request.RequestUri?.AbsolutePath} within {limit}.", e);
        }
        catch
        {
            response?.Dispose();
            throw;
        }
    }
}
