using ActionBot.Discord.Api;
using ActionBot.Testing;

namespace ActionBot.Discord.Tests.Api;

public sealed class DiscordRateLimiterTests
{
    private readonly FakeTimeProvider _time = new();

    private static HttpResponseMessage Answer(string bucket, int remaining, string resetAfter)
    {
        var answer = new HttpResponseMessage();
        answer.Headers.Add("X-RateLimit-Bucket", bucket);
        answer.Headers.Add("X-RateLimit-Remaining", remaining.ToString(System.Globalization.CultureInfo.InvariantCulture));
        answer.Headers.Add("X-RateLimit-Reset-After", resetAfter);
        return answer;
    }

    [Fact]
    public void An_empty_bucket_holds_its_routes_until_reset_after_and_no_others()
    {
        var limiter = new DiscordRateLimiter(_time);
        using var answer = Answer("b1", 0, "2.5");

        limiter.Observe("POST /channels/1/messages", answer.Headers);
        limiter.Observe("POST /channels/2/messages", answer.Headers);

        Assert.Equal(TimeSpan.FromSeconds(2.5), limiter.DelayFor("POST /channels/1/messages"));
        Assert.Equal(TimeSpan.FromSeconds(2.5), limiter.DelayFor("POST /channels/2/messages"));
        Assert.True(limiter.DelayFor("GET /users/@me") <= TimeSpan.Zero);
        _time.Advance(TimeSpan.FromSeconds(2.5));
        Assert.True(limiter.DelayFor("POST /channels/1/messages") <= TimeSpan.Zero);
    }

    [Fact]
    public async Task A_request_waits_on_the_clock_for_its_bucket_to_reset()
    {
        var limiter = new DiscordRateLimiter(_time);
        using var answer = Answer("b1", 0, "3");
        limiter.Observe("route", answer.Headers);

        var waiting = limiter.WaitAsync("route", CancellationToken.None);
        await _time.WaitForPendingTimersAsync().WaitAsync(TimeSpan.FromSeconds(10));

        Assert.False(waiting.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(2));
        Assert.False(waiting.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(1));
        await waiting.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Remaining_requests_are_taken_before_the_answer_so_concurrent_ones_do_not_overrun()
    {
        var limiter = new DiscordRateLimiter(_time);
        using var answer = Answer("b1", 2, "5");
        limiter.Observe("route", answer.Headers);

        await limiter.WaitAsync("route", CancellationToken.None);
        await limiter.WaitAsync("route", CancellationToken.None);

        Assert.Equal(TimeSpan.FromSeconds(5), limiter.DelayFor("route"));
    }

    [Fact]
    public void A_global_429_holds_every_route_and_a_shorter_one_does_not_shorten_it()
    {
        var limiter = new DiscordRateLimiter(_time);

        limiter.Limited("route-a", TimeSpan.FromSeconds(10), global: true);
        limiter.Limited("route-b", TimeSpan.FromSeconds(1), global: true);

        Assert.Equal(TimeSpan.FromSeconds(10), limiter.DelayFor("route-a"));
        Assert.Equal(TimeSpan.FromSeconds(10), limiter.DelayFor("any other route"));
    }

    [Fact]
    public void A_bucket_429_holds_its_bucket_only()
    {
        var limiter = new DiscordRateLimiter(_time);
        using var answer = Answer("b1", 3, "1");
        limiter.Observe("route-a", answer.Headers);
        limiter.Observe("route-b", answer.Headers);

        limiter.Limited("route-a", TimeSpan.FromSeconds(4), global: false);

        Assert.Equal(TimeSpan.FromSeconds(4), limiter.DelayFor("route-b"));
        Assert.True(limiter.DelayFor("route-c") <= TimeSpan.Zero);
    }

    [Fact]
    public void Answers_without_complete_rate_limit_headers_change_nothing()
    {
        var limiter = new DiscordRateLimiter(_time);
        using var answer = new HttpResponseMessage();
        answer.Headers.Add("X-RateLimit-Bucket", "b1");
        answer.Headers.Add("X-RateLimit-Remaining", "0");
        answer.Headers.Add("X-RateLimit-Reset-After", "soon");

        limiter.Observe("route", answer.Headers);

        Assert.True(limiter.DelayFor("route") <= TimeSpan.Zero);
    }
}
