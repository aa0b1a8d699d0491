using System.Globalization;
using System.Net.Http.Headers;
using ActionBot.Core.Observability;

namespace ActionBot.Discord.Api;

/// <summary>
/// Discord's rate limits as its headers state them: each route belongs to a bucket (<c>X-RateLimit-Bucket</c>)
/// with <c>-Remaining</c> requests until <c>-Reset-After</c> seconds from now; a global 429 holds every route.
/// A request waits (on the <see cref="TimeProvider"/>) until its bucket and the global limit allow it.
/// </summary>
public sealed class DiscordRateLimiter(TimeProvider time, ActionBotMetrics? metrics = null)
{
    private readonly Lock _sync = new();
    private readonly Dictionary<string, string> _bucketOfRoute = new(StringComparer.Ordinal);
    private readonly Dictionary<string, BucketState> _buckets = new(StringComparer.Ordinal);
    private DateTimeOffset _globalUntil = DateTimeOffset.MinValue;

    /// <summary>Waits until <paramref name="route"/> may be called, then takes one request of its bucket.</summary>
    public async Task WaitAsync(string route, CancellationToken cancellationToken)
    {
        var waited = TimeSpan.Zero;
        while (true)
        {
            var wait = TryTake(route);
            if (wait <= TimeSpan.Zero)
            {
                if (waited > TimeSpan.Zero)
                {
                    metrics?.RateLimitWait("discord", waited);
                }

                return;
            }

            await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
            waited += wait;
        }
    }

    /// <summary>How long <paramref name="route"/> must wait now (zero: it may go).</summary>
    public TimeSpan DelayFor(string route)
    {
        lock (_sync)
        {
            return Delay(route, time.GetUtcNow());
        }
    }

    /// <summary>Learns the bucket state from an answer's headers.</summary>
    public void Observe(string route, HttpResponseHeaders headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        var bucket = Header(headers, "X-RateLimit-Bucket");
        var remaining = Header(headers, "X-RateLimit-Remaining");
        var resetAfter = Header(headers, "X-RateLimit-Reset-After");
        if (bucket is null || !int.TryParse(remaining, NumberStyles.Integer, CultureInfo.InvariantCulture, out var left)
            || !double.TryParse(resetAfter, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
        {
            return;
        }

        lock (_sync)
        {
            _bucketOfRoute[route] = bucket;
            _buckets[bucket] = new BucketState(left, time.GetUtcNow() + TimeSpan.FromSeconds(seconds));
        }
    }

    /// <summary>Records a 429: the route's bucket (or, when global, every route) waits <paramref name="retryAfter"/>.</summary>
    public void Limited(string route, TimeSpan retryAfter, bool global)
    {
        lock (_sync)
        {
            var until = time.GetUtcNow() + retryAfter;
            if (global)
            {
                _globalUntil = until > _globalUntil ? until : _globalUntil;
                return;
            }

            var bucket = _bucketOfRoute.GetValueOrDefault(route) ?? route;
            _bucketOfRoute[route] = bucket;
            _buckets[bucket] = new BucketState(0, until);
        }
    }

    private TimeSpan TryTake(string route)
    {
        lock (_sync)
        {
            var now = time.GetUtcNow();
            var wait = Delay(route, now);
            if (wait <= TimeSpan.Zero && _bucketOfRoute.TryGetValue(route, out var bucket) && _buckets.TryGetValue(bucket, out var state) && state.ResetAt > now)
            {
                // Taken before the answer arrives, so that concurrent requests do not overrun the bucket.
                _buckets[bucket] = state with { Remaining = state.Remaining - 1 };
            }

            return wait;
        }
    }

    private TimeSpan Delay(string route, DateTimeOffset now)
    {
        var wait = _globalUntil - now;
        if (_bucketOfRoute.TryGetValue(route, out var bucket) && _buckets.TryGetValue(bucket, out var state)
            && state.Remaining <= 0 && state.ResetAt - now > wait)
        {
            wait = state.ResetAt - now;
        }

        return wait;
    }

    private static string? Header(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    private sealed record BucketState(int Remaining, DateTimeOffset ResetAt);
}
