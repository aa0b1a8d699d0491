using System.Net;

namespace ActionBot.Discord.Api;

/// <summary>Discord answered with an error status; <see cref="Code"/> is Discord's JSON error code when it sent one.</summary>
public class DiscordApiException(HttpStatusCode statusCode, int? code, string message) : Exception(message)
{
    public HttpStatusCode StatusCode { get; } = statusCode;

    public int? Code { get; } = code;

    /// <summary>A 4xx other than 429: sending the same request again cannot succeed.</summary>
    public bool IsPermanent => (int)StatusCode is >= 400 and < 500 && StatusCode != HttpStatusCode.TooManyRequests;
}

/// <summary>A 429: wait <see cref="RetryAfter"/> (for every route when <see cref="Global"/>).</summary>
public sealed class DiscordRateLimitException(TimeSpan retryAfter, bool global, string message)
    : DiscordApiException(HttpStatusCode.TooManyRequests, null, message)
{
    public TimeSpan RetryAfter { get; } = retryAfter;

    public bool Global { get; } = global;
}
