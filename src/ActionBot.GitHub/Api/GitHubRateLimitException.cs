using System.Net;

namespace ActionBot.GitHub.Api;

/// <summary>
/// GitHub kept refusing a call for a rate limit, and the wait it asks for is beyond
/// <see cref="GitHubOptions.MaxRateLimitWait"/> (or the retries are spent). GitHub did not act on the call: it may be
/// sent again from <see cref="RetryAt"/>. Thrown by the handler chain, so it never depends on GitHub's message text.
/// </summary>
public sealed class GitHubRateLimitException : Exception
{
    public GitHubRateLimitException()
    {
    }

    public GitHubRateLimitException(string message)
        : base(message)
    {
    }

    public GitHubRateLimitException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public GitHubRateLimitException(HttpStatusCode statusCode, bool primary, DateTimeOffset retryAt, string message)
        : base(message)
    {
        StatusCode = statusCode;
        Primary = primary;
        RetryAt = retryAt;
    }

    /// <summary>403 or 429.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>The hourly quota is spent (<c>x-ratelimit-remaining: 0</c>); otherwise a secondary limit.</summary>
    public bool Primary { get; }

    /// <summary>When GitHub accepts calls again.</summary>
    public DateTimeOffset RetryAt { get; }
}
