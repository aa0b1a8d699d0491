using System.Net;
using ActionBot.Core.Observability;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace ActionBot.GitHub.Api;

/// <summary>
/// The retry rules of every GitHub call, as one Polly pipeline: an outer retry that waits out rate limits,
/// an inner retry with exponential back-off and jitter for transient failures, and a time limit per attempt.
/// </summary>
/// <remarks>
/// A content-creating request (POST / PATCH) is repeated only when GitHub provably did not act on it:
/// the connection was never made, or GitHub answered with a rate limit. A 5xx or a timeout after the
/// request was sent may come after GitHub created the issue, so repeating it here could open a second
/// one; such failures reach the caller, whose exactly-once logic looks for the issue before trying again.
/// </remarks>
public sealed partial class GitHubResilience
{
    /// <summary>Whether the request may be sent again after a failure whose effect on GitHub is unknown.</summary>
    internal static readonly ResiliencePropertyKey<bool> SafeToRepeat = new("ActionBot.GitHub.SafeToRepeat");

    private readonly GitHubOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ActionBotMetrics? _metrics;

    public GitHubResilience(IOptions<GitHubOptions> options, TimeProvider time, ILogger<GitHubResilience> logger, ActionBotMetrics? metrics = null)
    {
        _options = options.Value;
        _metrics = metrics;
        _time = time;
        _logger = logger;
        Pipeline = Build();
    }

    public ResiliencePipeline Pipeline { get; }

    /// <summary>True for failures worth repeating, given whether the request may be repeated blindly.</summary>
    internal static bool IsTransient(Exception? exception, bool safeToRepeat) => exception switch
    {
        // These fail before a byte of the request reached GitHub.
        HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError } => true,
        HttpRequestException => safeToRepeat,
        TimeoutRejectedException => safeToRepeat,
        GitHubRateLimitException => false, // the outer strategy waits for these
        GitHubApiException { StatusCode: >= HttpStatusCode.InternalServerError } => safeToRepeat,
        _ => false,
    };

    private ResiliencePipeline Build()
    {
        var builder = new ResiliencePipelineBuilder { TimeProvider = _time, Name = "ActionBot.GitHub" };
        if (_options.MaxRetryAttempts > 0)
        {
            builder.AddRetry(RateLimitRetry());
            builder.AddRetry(TransientRetry());
        }

        if (_options.RequestTimeout > TimeSpan.Zero)
        {
            builder.AddTimeout(_options.RequestTimeout);
        }

        return builder.Build();
    }

    private RetryStrategyOptions RateLimitRetry() => new()
    {
        Name = "RateLimit",
        MaxRetryAttempts = _options.MaxRetryAttempts,
        BackoffType = DelayBackoffType.Constant,
        Delay = TimeSpan.Zero,
        ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is GitHubRateLimitException limit && WithinMaxWait(limit)),
        DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(
            args.Outcome.Exception is GitHubRateLimitException limit ? limit.WaitFrom(_time.GetUtcNow()) : null),
        OnRetry = args =>
        {
            Log.RateLimited(_logger, args.Outcome.Exception?.GetType().Name, args.AttemptNumber + 1, args.RetryDelay);
            _metrics?.RateLimitWait("github", args.RetryDelay);
            return ValueTask.CompletedTask;
        },
    };

    private RetryStrategyOptions TransientRetry() => new()
    {
        Name = "Transient",
        MaxRetryAttempts = _options.MaxRetryAttempts,
        BackoffType = DelayBackoffType.Exponential,
        UseJitter = true,
        Delay = _options.RetryBaseDelay,
        MaxDelay = TimeSpan.FromSeconds(30),
        ShouldHandle = args => ValueTask.FromResult(
            IsTransient(args.Outcome.Exception, args.Context.Properties.GetValue(SafeToRepeat, false))),
        OnRetry = args =>
        {
            Log.TransientRetry(_logger, args.Outcome.Exception?.GetType().Name, args.AttemptNumber + 1, args.RetryDelay);
            return ValueTask.CompletedTask;
        },
    };

    private bool WithinMaxWait(GitHubRateLimitException limit)
    {
        var wait = limit.WaitFrom(_time.GetUtcNow());
        if (wait <= _options.MaxRateLimitWait)
        {
            return true;
        }

        Log.RateLimitWaitTooLong(_logger, wait, _options.MaxRateLimitWait);
        return false;
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1010, Level = LogLevel.Warning, Message = "GitHub rate limit ({Kind}); attempt {Attempt} waits {Wait} before trying again")]
        public static partial void RateLimited(ILogger logger, string? kind, int attempt, TimeSpan wait);

        [LoggerMessage(EventId = 1011, Level = LogLevel.Warning, Message = "GitHub call failed ({Failure}); retry {Attempt} in {Delay}")]
        public static partial void TransientRetry(ILogger logger, string? failure, int attempt, TimeSpan delay);

        [LoggerMessage(EventId = 1012, Level = LogLevel.Warning, Message = "GitHub rate limit resets in {Wait}, beyond the configured wait of {MaxWait}; failing the call")]
        public static partial void RateLimitWaitTooLong(ILogger logger, TimeSpan wait, TimeSpan maxWait);
    }
}
