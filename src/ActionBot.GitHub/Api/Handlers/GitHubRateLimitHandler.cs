using ActionBot.Core.Observability;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ActionBot.GitHub.Api.Handlers;

/// <summary>
/// Waits out GitHub's rate limits (<see cref="GitHubRateLimit"/>) on <see cref="TimeProvider"/> and sends again, since
/// GitHub did not act on a refused request, writes included; up to <see cref="GitHubOptions.MaxRetryAttempts"/> waits
/// of at most <see cref="GitHubOptions.MaxRateLimitWait"/>. Beyond that the call fails with a
/// <see cref="GitHubRateLimitException"/> saying when to come back. Octokit never sees a rate-limit answer.
/// </summary>
internal sealed partial class GitHubRateLimitHandler(
    IOptions<GitHubOptions> options,
    TimeProvider time,
    ILogger<GitHubRateLimitHandler> logger,
    ActionBotMetrics? metrics = null) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        for (var refused = 0; ; refused++)
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var now = time.GetUtcNow();
            if (GitHubRateLimit.Of(response, refused, now) is not { } limit)
            {
                return response;
            }

            response.Dispose();
            var wait = limit.RetryAt - now;
            var kind = limit.Primary ? "primary" : "secondary";
            if (refused >= options.Value.MaxRetryAttempts || wait > options.Value.MaxRateLimitWait)
            {
                Log.GivingUp(logger, kind, request.Method, request.RequestUri?.AbsolutePath, limit.RetryAt);
                throw new GitHubRateLimitException(limit.Status, limit.Primary, limit.RetryAt,
                    $"GitHub's {kind} rate limit refused {request.Method} {request.RequestUri?.AbsolutePath} ({(int)limit.Status}); it may be sent again at {limit.RetryAt:O}.");
            }

            Log.Waiting(logger, kind, (int)limit.Status, refused + 1, wait);
            metrics?.RateLimitWait("github", wait);
            await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1010, Level = LogLevel.Warning, Message = "GitHub {Kind} rate limit ({Status}); wait {Attempt} of {Wait} before sending again")]
        public static partial void Waiting(ILogger logger, string kind, int status, int attempt, TimeSpan wait);

        [LoggerMessage(EventId = 1012, Level = LogLevel.Warning, Message = "GitHub {Kind} rate limit on {Method} {Path} lasts until {RetryAt:O}, beyond the configured wait; failing the call")]
        public static partial void GivingUp(ILogger logger, string kind, HttpMethod method, string? path, DateTimeOffset retryAt);
    }
}
