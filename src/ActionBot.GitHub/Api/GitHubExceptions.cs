using System.Net;

namespace ActionBot.GitHub.Api;

/// <summary>GitHub answered with an error status; <see cref="GitHubErrorMap"/> picks the subclass.</summary>
public class GitHubApiException : Exception
{
    public GitHubApiException(HttpStatusCode statusCode, string message, string? requestId = null, Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        RequestId = requestId;
    }

    public HttpStatusCode StatusCode { get; }

    /// <summary>GitHub's <c>x-github-request-id</c>, to quote to GitHub Support.</summary>
    public string? RequestId { get; }
}

/// <summary>401: the token is missing, wrong, expired or revoked.</summary>
public sealed class GitHubAuthenticationException(string message, string? requestId = null)
    : GitHubApiException(HttpStatusCode.Unauthorized, message, requestId);

/// <summary>404: the resource does not exist, or the token may not see it.</summary>
public sealed class GitHubNotFoundException(string message, string? requestId = null)
    : GitHubApiException(HttpStatusCode.NotFound, message, requestId);

/// <summary>422: GitHub refused the request's content; <see cref="Errors"/> says which field and why.</summary>
public sealed class GitHubValidationException(string message, IReadOnlyList<GitHubValidationError> errors, string? requestId = null)
    : GitHubApiException(HttpStatusCode.UnprocessableEntity, message, requestId)
{
    public IReadOnlyList<GitHubValidationError> Errors { get; } = errors;

    public bool HasCode(string code) => Errors.Any(e => string.Equals(e.Code, code, StringComparison.Ordinal));
}

/// <summary>403 / 429 from a rate limit: GitHub did not act on the request, so repeating it later is safe.</summary>
public abstract class GitHubRateLimitException(HttpStatusCode statusCode, string message, string? requestId)
    : GitHubApiException(statusCode, message, requestId)
{
    /// <summary>How long to wait from <paramref name="now"/> before trying again.</summary>
    public abstract TimeSpan WaitFrom(DateTimeOffset now);
}

/// <summary>The hourly quota is spent (<c>x-ratelimit-remaining: 0</c>); it comes back at <see cref="ResetAt"/>.</summary>
public sealed class GitHubPrimaryRateLimitException(HttpStatusCode statusCode, string message, DateTimeOffset resetAt, string? requestId = null)
    : GitHubRateLimitException(statusCode, message, requestId)
{
    public DateTimeOffset ResetAt { get; } = resetAt;

    // x-ratelimit-reset is in whole seconds; one more second makes sure the window has turned.
    public override TimeSpan WaitFrom(DateTimeOffset now) =>
        ResetAt - now + TimeSpan.FromSeconds(1) is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
}

/// <summary>A secondary (abuse) limit; <see cref="RetryAfter"/> is GitHub's <c>retry-after</c>, else at least a minute.</summary>
public sealed class GitHubSecondaryRateLimitException(HttpStatusCode statusCode, string message, TimeSpan? retryAfter, string? requestId = null)
    : GitHubRateLimitException(statusCode, message, requestId)
{
    public static readonly TimeSpan DefaultWait = TimeSpan.FromMinutes(1);

    public TimeSpan? RetryAfter { get; } = retryAfter;

    public override TimeSpan WaitFrom(DateTimeOffset now) => RetryAfter ?? DefaultWait;
}
