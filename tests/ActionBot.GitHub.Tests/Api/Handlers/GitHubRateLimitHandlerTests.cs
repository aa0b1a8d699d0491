using System.Net;
using ActionBot.GitHub.Api;
using ActionBot.Testing;
using ActionBot.Testing.GitHub;
using Octokit;

namespace ActionBot.GitHub.Tests.Api.Handlers;

/// <summary>Rate limits are waited out in the handler chain, from headers alone, on the fake clock; Octokit never maps them.</summary>
public sealed class GitHubRateLimitHandlerTests
{
    [Theory]
    [InlineData(403)]
    [InlineData(429)]
    public async Task PrimaryRateLimit_WaitsUntilXRateLimitReset_ThenSucceeds(int status)
    {
        var clock = new FakeTimeProvider();
        await using var harness = await GitHubApiHarness.StartAsync(clock);
        harness.GitHub.ExhaustRateLimit(clock.GetUtcNow().AddMinutes(10), status);

        var call = harness.Client.Repository.Get("acme", "ops");
        await clock.WaitForPendingTimersAsync().WaitAsync(TimeSpan.FromSeconds(10));

        // x-ratelimit-reset is in whole seconds: one more makes sure the window has turned.
        Assert.Equal(TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(1), Assert.Single(clock.PendingTimerDueTimes));
        clock.Advance(TimeSpan.FromMinutes(9));
        Assert.False(call.IsCompleted);
        Assert.Single(harness.GitHub.Requests);

        clock.Advance(TimeSpan.FromMinutes(2));
        var repository = await call.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal("main", repository.DefaultBranch);
        Assert.Equal([status, 200], harness.GitHub.Requests.Select(r => r.StatusCode));
        Assert.Contains(harness.Logs.Entries, e => e.EventId.Id == 1010);
    }

    [Fact]
    public async Task PrimaryRateLimit_ResettingLaterThanTheMaximumWait_FailsAtOnceWithTheResetTime()
    {
        var clock = new FakeTimeProvider();
        await using var harness = await GitHubApiHarness.StartAsync(clock);
        var resetAt = clock.GetUtcNow().AddHours(1);
        harness.GitHub.ExhaustRateLimit(resetAt, status: 429);

        var error = await Assert.ThrowsAsync<GitHubRateLimitException>(() => harness.Client.Repository.Get("acme", "ops"));

        Assert.Equal(resetAt + TimeSpan.FromSeconds(1), error.RetryAt);
        Assert.Equal((HttpStatusCode.TooManyRequests, true), (error.StatusCode, error.Primary));
        Assert.Single(harness.GitHub.Requests);
    }

    [Fact]
    public async Task SecondaryRateLimit_OnAPost_WaitsForRetryAfter_ThenSendsItAgain()
    {
        var clock = new FakeTimeProvider();
        await using var harness = await GitHubApiHarness.StartAsync(clock);
        harness.GitHub.Faults.RetryAfterSeconds = 30;
        harness.GitHub.Faults.Enqueue(FakeFault.SecondaryRateLimit);

        var call = harness.Client.Issue.Create("acme", "ops", new NewIssue("Rotate the keys"));
        await clock.WaitForPendingTimersAsync().WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(TimeSpan.FromSeconds(30), Assert.Single(clock.PendingTimerDueTimes));
        clock.Advance(TimeSpan.FromSeconds(29));
        Assert.Single(harness.GitHub.Requests);

        clock.Advance(TimeSpan.FromSeconds(1));
        var issue = await call.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(1, issue.Number);
        Assert.Equal([403, 201], harness.GitHub.Requests.Select(r => r.StatusCode));
        Assert.Equal(1, harness.GitHub.IssuesCreated);
    }

    [Fact]
    public async Task TooManyRequests_OnAPost_IsSentAgain_BecauseGitHubDidNotAct()
    {
        await using var harness = await GitHubApiHarness.StartAsync();
        harness.GitHub.Faults.RetryAfterSeconds = 0;
        harness.GitHub.Faults.Enqueue(FakeFault.TooManyRequests, 2);

        var issue = await harness.Client.Issue.Create("acme", "ops", new NewIssue("Rotate the keys"));

        Assert.Equal(1, issue.Number);
        Assert.Equal([429, 429, 201], harness.GitHub.RequestsTo("POST", "/repos/acme/ops/issues").Select(r => r.StatusCode));
        Assert.Equal(1, harness.GitHub.IssuesCreated);
    }

    [Fact]
    public async Task TooManyRequests_WithoutRetryAfter_WaitsAMinute_ThenTwo()
    {
        var clock = new FakeTimeProvider();
        await using var harness = await GitHubApiHarness.StartAsync(clock);
        harness.GitHub.Faults.OmitRetryAfter = true;
        harness.GitHub.Faults.Enqueue(FakeFault.TooManyRequests, 2);

        var call = harness.Client.Repository.Get("acme", "ops");
        await clock.WaitForPendingTimersAsync().WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(TimeSpan.FromMinutes(1), Assert.Single(clock.PendingTimerDueTimes));
        clock.Advance(TimeSpan.FromMinutes(1));
        await clock.WaitForPendingTimersAsync().WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(TimeSpan.FromMinutes(2), Assert.Single(clock.PendingTimerDueTimes));
        clock.Advance(TimeSpan.FromMinutes(2));

        await call.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal([429, 429, 200], harness.GitHub.Requests.Select(r => r.StatusCode));
    }

    [Fact]
    public async Task AForbiddenAnswerWithoutRateLimitHeaders_IsNotWaitedOn_WhateverItsMessageSays()
    {
        await using var harness = await GitHubApiHarness.StartAsync();
        harness.GitHub.Faults.OmitRetryAfter = true;
        harness.GitHub.Faults.Enqueue(FakeFault.SecondaryRateLimit);

        // No retry-after, quota left: the headers do not say "rate limit", so the answer goes up to Octokit as it is.
        var error = await Assert.ThrowsAnyAsync<ApiException>(() => harness.Client.Repository.Get("acme", "ops"));

        Assert.Equal(HttpStatusCode.Forbidden, error.StatusCode);
        Assert.Single(harness.GitHub.Requests);
    }

    [Fact]
    public async Task RateLimitWaits_StopAtTheRetryLimit_WithTheTimeToComeBack()
    {
        await using var harness = await GitHubApiHarness.StartAsync(settings: (_, values) => values["ActionBot:GitHub:MaxRetryAttempts"] = "2");
        harness.GitHub.Faults.RetryAfterSeconds = 0;
        harness.GitHub.Faults.Enqueue(FakeFault.TooManyRequests, 3);

        var error = await Assert.ThrowsAsync<GitHubRateLimitException>(() => harness.Client.Issue.Create("acme", "ops", new NewIssue("Rotate the keys")));

        Assert.False(error.Primary);
        Assert.Equal(3, harness.GitHub.Requests.Count);
        Assert.Equal(0, harness.GitHub.IssuesCreated);
    }
}
