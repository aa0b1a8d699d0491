using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace ActionBot.GitHub.Api;

/// <summary>The one place where an error status becomes an exception (GitHub's "Rate limits for the REST API" rules).</summary>
public static class GitHubErrorMap
{
    public static GitHubApiException ToException(HttpStatusCode status, HttpResponseHeaders headers, ReadOnlySpan<byte> body)
    {
        var error = ReadBody(body);
        var requestId = Header(headers, "x-github-request-id");
        var message = $"GitHub answered {(int)status} {status}: {error?.Message ?? "(no message)"}";

        return status switch
        {
            HttpStatusCode.Unauthorized => new GitHubAuthenticationException(message, requestId),
            HttpStatusCode.NotFound => new GitHubNotFoundException(message, requestId),
            HttpStatusCode.UnprocessableEntity => new GitHubValidationException(message, error?.Errors ?? [], requestId),
            HttpStatusCode.Forbidden or HttpStatusCode.TooManyRequests => RateLimit(status, headers, error?.Message, message, requestId)
                ?? new GitHubApiException(status, message, requestId),
            _ => new GitHubApiException(status, message, requestId),
        };
    }

    private static GitHubRateLimitException? RateLimit(HttpStatusCode status, HttpResponseHeaders headers, string? gitHubMessage, string message, string? requestId)
    {
        // GitHub's order: retry-after first, then a spent quota with its reset time, then "wait at least a minute".
        if (headers.RetryAfter is { } retryAfter)
        {
            var wait = retryAfter.Delta ?? (retryAfter.Date is { } date ? date - (headers.Date ?? date) : (TimeSpan?)null);
            return new GitHubSecondaryRateLimitException(status, message, wait is { } w && w > TimeSpan.Zero ? w : TimeSpan.Zero, requestId);
        }

        if (Header(headers, "x-ratelimit-remaining") == "0"
            && long.TryParse(Header(headers, "x-ratelimit-reset"), NumberStyles.None, CultureInfo.InvariantCulture, out var resetSeconds))
        {
            return new GitHubPrimaryRateLimitException(status, message, DateTimeOffset.FromUnixTimeSeconds(resetSeconds), requestId);
        }

        var secondary = status == HttpStatusCode.TooManyRequests
            || (gitHubMessage is not null
                && (gitHubMessage.Contains("secondary rate limit", StringComparison.OrdinalIgnoreCase)
                    || gitHubMessage.Contains("abuse", StringComparison.OrdinalIgnoreCase)));
        return secondary ? new GitHubSecondaryRateLimitException(status, message, retryAfter: null, requestId) : null;
    }

    private static GitHubErrorBody? ReadBody(ReadOnlySpan<byte> body)
    {
        if (body.IsEmpty)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(body, GitHubJsonContext.Default.GitHubErrorBody);
        }
        catch (JsonException)
        {
            return ReadLooseBody(body);
        }
    }

    // Some 422s carry "errors" as plain strings; proxies and load balancers answer in HTML.
    private static GitHubErrorBody? ReadLooseBody(ReadOnlySpan<byte> body)
    {
        try
        {
            var reader = new Utf8JsonReader(body);
            using var document = JsonDocument.ParseValue(ref reader);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            var message = root.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
            var errors = root.TryGetProperty("errors", out var e) && e.ValueKind == JsonValueKind.Array
                ? e.EnumerateArray().Select(item => new GitHubValidationError(null, null, null, item.ToString())).ToList()
                : null;
            return new GitHubErrorBody(message, null, errors);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Header(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}
