namespace ActionBot.GitHub.Api.Handlers;

/// <summary>
/// Content-creating requests (<see cref="GitHubRequestKind.CreatesContent"/>) pass <see cref="GitHubWriteGate"/>: one at
/// a time, <see cref="GitHubOptions.MinimumWriteInterval"/> apart, each attempt (a retry is another write to GitHub).
/// Reads never wait behind writes.
/// </summary>
internal sealed class GitHubWritePacingHandler(GitHubWriteGate gate) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!GitHubRequestKind.CreatesContent(request))
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        using var pass = await gate.EnterAsync(cancellationToken).ConfigureAwait(false);
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
