using System.Net;
using System.Runtime.ExceptionServices;
using ActionBot.Core.Coordination;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ActionBot.GitHub.Api.Handlers;

/// <summary>
/// Repeats an attempt that failed for a passing reason (a 5xx, a dropped connection, a time-out), with exponential
/// back-off and jitter on <see cref="TimeProvider"/>, up to <see cref="GitHubOptions.MaxRetryAttempts"/> times; only
/// when a repeat cannot duplicate anything (<see cref="GitHubRequestKind.MayRepeat"/>), or when the request provably
/// never reached GitHub. Otherwise the failure goes up to the caller, whose exactly-once logic looks before writing.
/// </summary>
internal sealed partial class GitHubRetryHandler(IOptions<GitHubOptions> options, TimeProvider time, ILogger<GitHubRetryHandler> logger) : DelegatingHandler
{
    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(30);

    /// <summary>True for failures worth repeating, given whether the request may be repeated blindly.</summary>
    internal static bool IsTransient(Exception exception, bool mayRepeat) => exception switch
    {
        // These fail before a byte of the request reached GitHub.
        HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError } => true,
        HttpRequestException or TimeoutException => mayRepeat,
        _ => false,
    };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var mayRepeat = GitHubRequestKind.MayRepeat(request);
        for (var attempt = 1; ; attempt++)
        {
            HttpResponseMessage? response = null;
            ExceptionDispatchInfo? failure = null;
            try
            {
                response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
                if (!mayRepeat || response.StatusCode < HttpStatusCode.InternalServerError || attempt > options.Value.MaxRetryAttempts)
                {
                    return response;
                }
            }
            catch (Exception e) when (attempt <= options.Value.MaxRetryAttempts && !cancellationToken.IsCancellationRequested && IsTransient(e, mayRepeat))
            {
                failure = ExceptionDispatchInfo.Capture(e);
            }

            var delay = Delay(attempt);
            Log.Retrying(logger, request.Method, request.RequestUri?.AbsolutePath, response is null ? failure!.SourceException.GetType().Name : $"{(int)response.StatusCode}", attempt, delay);
            response?.Dispose();
            await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
        }
    }

    // Doubling from RetryBaseDelay, at most 30 s, each 80–120 % of that so that replicas failing together spread out.
    private TimeSpan Delay(int attempt) =>
        RetryBackoff.Exponential(attempt, options.Value.RetryBaseDelay, MaxDelay) * (0.8 + (0.4 * Random.Shared.NextDouble()));

    private static partial class Log
    {
        [LoggerMessage(EventId = 1011, Level = LogLevel.Warning, Message = "GitHub {Method} {Path} failed ({Failure}); retry {Attempt} in {Delay}")]
        public static partial void Retrying(ILogger logger, HttpMethod method, string? path, string failure, int attempt, TimeSpan delay);
    }
}
