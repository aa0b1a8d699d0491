using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace ActionBot.Discord.Api;

/// <summary>
/// The retry rules of every Discord call, as one Polly pipeline: an outer retry after 429s (the
/// <see cref="DiscordRateLimiter"/> does the waiting, so a global limit holds every route), an inner retry
/// with exponential back-off and jitter after 5xx, time-outs and connection failures, and a time limit per attempt.
/// </summary>
/// <remarks>
/// Repeating a message after a 5xx is safe: messages carry a nonce that Discord enforces, so a message it
/// created before failing is answered, not created again.
/// </remarks>
public sealed partial class DiscordResilience
{
    private readonly DiscordOptions _options;
    private readonly DiscordRateLimiter _limiter;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public DiscordResilience(IOptions<DiscordOptions> options, DiscordRateLimiter limiter, TimeProvider time, ILogger<DiscordResilience> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _limiter = limiter;
        _time = time;
        _logger = logger;
        Pipeline = Build();
    }

    public ResiliencePipeline Pipeline { get; }

    /// <summary>Failures that may pass: Discord down or slow, the connection lost, a rate limit.</summary>
    public static bool IsTransient(Exception? exception) => exception switch
    {
        HttpRequestException => true,
        TimeoutRejectedException => true,
        DiscordApiException { StatusCode: >= HttpStatusCode.InternalServerError } => true,
        DiscordRateLimitException => true,
        _ => false,
    };

    private ResiliencePipeline Build()
    {
        var builder = new ResiliencePipelineBuilder { TimeProvider = _time, Name = "ActionBot.Discord" };
        if (_options.MaxRetryAttempts > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                Name = "RateLimit",
                MaxRetryAttempts = _options.MaxRetryAttempts,
                BackoffType = DelayBackoffType.Constant,
                Delay = TimeSpan.Zero,
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is DiscordRateLimitException limit && limit.RetryAfter <= _options.MaxRateLimitWait),
                OnRetry = args =>
                {
                    Log.RateLimited(_logger, args.AttemptNumber + 1, (args.Outcome.Exception as DiscordRateLimitException)?.RetryAfter);
                    return ValueTask.CompletedTask;
                },
            });
            builder.AddRetry(new RetryStrategyOptions
            {
                Name = "Transient",
                MaxRetryAttempts = _options.MaxRetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = _options.RetryBaseDelay,
                MaxDelay = TimeSpan.FromSeconds(30),
                ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome.Exception) && args.Outcome.Exception is not DiscordRateLimitException),
                OnRetry = args =>
                {
                    Log.TransientRetry(_logger, Describe(args.Outcome.Exception), args.AttemptNumber + 1, args.RetryDelay);
                    return ValueTask.CompletedTask;
                },
            });
        }

        if (_options.RequestTimeout > TimeSpan.Zero)
        {
            builder.AddTimeout(_options.RequestTimeout);
        }

        return builder.Build();
    }

    internal DiscordRateLimiter Limiter => _limiter;

    internal TimeProvider Time => _time;

    private static string Describe(Exception? exception) => exception switch
    {
        DiscordApiException api => $"{(int)api.StatusCode}",
        null => "none",
        _ => exception.GetType().Name,
    };

    private static partial class Log
    {
        [LoggerMessage(EventId = 4010, Level = LogLevel.Warning, Message = "Discord rate limit (429); attempt {Attempt} waits {RetryAfter}")]
        public static partial void RateLimited(ILogger logger, int attempt, TimeSpan? retryAfter);

        [LoggerMessage(EventId = 4011, Level = LogLevel.Warning, Message = "Discord call failed ({Failure}); retry {Attempt} in {Delay}")]
        public static partial void TransientRetry(ILogger logger, string failure, int attempt, TimeSpan delay);
    }
}
