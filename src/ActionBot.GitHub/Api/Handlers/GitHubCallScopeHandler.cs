namespace ActionBot.GitHub.Api.Handlers;

/// <summary>
/// Outermost: the call is cancelled by its caller's token (<see cref="GitHubCall"/>) and nothing else. The token Octokit
/// passes down carries only its own 100-second timer on the real clock, which would cut a rate-limit wait short and
/// which a fake clock cannot move; <see cref="GitHubAttemptTimeoutHandler"/> bounds each attempt instead.
/// </summary>
internal sealed class GitHubCallScopeHandler : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        base.SendAsync(request, GitHubCall.Token);
}
