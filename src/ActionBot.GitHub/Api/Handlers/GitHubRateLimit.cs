using System.Globalization;
using System.Net;

namespace ActionBot.GitHub.Api.Handlers;

/// <summary>
/// A rate-limit refusal read from an answer's status and headers, never its message text (GitHub's "Rate limits for
/// the REST API"): a 403 or 429 with <c>retry-after</c> waits that long; one with <c>x-ratelimit-remaining: 0</c> waits
/// for <c>x-ratelimit-reset</c>; a 429 with neither waits at least a minute, doubling on each refusal in a row.
/// A 403 with neither header is a permission refusal as far as the headers tell, and goes up to Octokit's error map.
/// </summary>
internal sealed record GitHubRateLimit(HttpStatusCode Status, bool Primary, DateTimeOffset RetryAt)
{
    private static readonly TimeSpan UnstatedWait = TimeSpan.FromMinutes(1);

    public static GitHubRateLimit? Of(HttpResponseMessage response, int refusedInARow, DateTimeOffset now)
    {
        var status = response.StatusCode;
        if (status is not (HttpStatusCode.Forbidden or HttpStatusCode.TooManyRequests))
        {
            return null;
        }

        if (response.Headers.RetryAfter is { } retryAfter)
        {
            var wait = retryAfter.Delta ?? (retryAfter.Date is { } date ? date - (response.Headers.Date ?? now) : TimeSpan.Zero);
            return new GitHubRateLimit(status, false, now + (wait > TimeSpan.Zero ? wait : TimeSpan.Zero));
        }

        if (Header(response, "x-ratelimit-remaining") == "0"
            && long.TryParse(Header(response, "x-ratelimit-reset"), NumberStyles.None, CultureInfo.InvariantCulture, out var reset))
        {
            // The reset is in whole seconds: one more makes sure the window has turned.
            var at = DateTimeOffset.FromUnixTimeSeconds(reset) + TimeSpan.FromSeconds(1);
            return new GitHubRateLimit(status, true, at > now ? at : now);
        }

        return status == HttpStatusCode.TooManyRequests
            ? new GitHubRateLimit(status, false, now + (UnstatedWait * Math.Pow(2, Math.Min(refusedInARow, 6))))
            : null;
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}
