using ActionBot.Core.Observability;

namespace ActionBot.GitHub.Api.Handlers;

/// <summary>Times every HTTP exchange with GitHub (each attempt, retries included) into <see cref="ActionBotMetrics"/>.</summary>
internal sealed class GitHubCallMetricsHandler(ActionBotMetrics metrics, TimeProvider time) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var status = 0;
        try
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            status = (int)response.StatusCode;
            return response;
        }
        finally
        {
            metrics.GitHubCall(request.Method.Method, status, time.GetElapsedTime(started));
        }
    }
}
