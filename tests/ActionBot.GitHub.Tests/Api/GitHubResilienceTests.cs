using System.Net;
using ActionBot.GitHub.Api;
using ActionBot.Testing;
using ActionBot.Testing.GitHub;
using Polly.Timeout;

namespace ActionBot.GitHub.Tests.Api;

public sealed class GitHubResilienceTests
{
    private static readonly GitHubRepoName Repo = GitHubApiHarness.Repo;

    [Fact]
    public async Task PrimaryRateLimit_WaitsUntilTheResetTime_ThenSucceeds()
    {
        var clock = new FakeTimeProvider();
        await using var harness = await GitHubApiHarness.StartAsync(clock);
        harness.GitHub.ExhaustRateLimit(clock.GetUtcNow().AddMinutes(10));

        var call = harness.Client.GetRepositoryAsync(Repo);
        await clock.WaitForPendingTimersAsync().WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(1), Assert.Single(clock.PendingTimerDueTimes));
        clock.Advance(TimeSpan.FromMinutes(9));
        Assert.False(call.IsCompleted);
        Assert.Single(harness.GitHub.Requests);

        clock.Advance(TimeSpan.FromMinutes(2));
        var repository = await call.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal("main", repository.DefaultBranch);
        Assert.Equal([403, 200], harness.GitHub.Requests.Select(r => r.StatusCode));
        Assert.Contains(harness.Logs.Entries, e => e.EventId.Id == 1010);
    }

    [Fact]
    public async Task PrimaryRateLimit_ResettingLaterThanTheMaximumWait_FailsAtOnceWithTheResetTime()
    {
        var clock = new FakeTimeProvider();
        await using var harness = await GitHubApiHarness.StartAsync(clock);
        var resetAt = clock.GetUtcNow().AddHours(1);
        harness.GitHub.ExhaustRateLimit(resetAt, status: 429);

        var error = await Assert.ThrowsAsync<GitHubPrimaryRateLimitException>(() => harness.Client.GetRepositoryAsync(Repo));

        Assert.Equal(resetAt, error.ResetAt);
        Assert.Equal(HttpStatusCode.TooManyRequests, error.StatusCode);
        Assert.Single(harness.GitHub.Requests);
    }

    [Fact]
    public async Task SecondaryRateLimit_WaitsForRetryAfter_ThenSucceeds()
    {
        var clock = new FakeTimeProvider();
        await using var harness = await GitHubApiHarness.StartAsync(clock);
        harness.GitHub.Faults.RetryAfterSeconds = 30;
        harness.GitHub.Faults.Enqueue(FakeFault.SecondaryRateLimit);

        var call = harness.Client.CreateIssueAsync(Repo, new NewIssue("Rotate the keys"));
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
    public async Task TooManyRequests_OnAPost_IsRetried_BecauseGitHubDidNotAct()
    {
        await using var harness = await GitHubApiHarness.StartAsync();
        harness.GitHub.Faults.RetryAfterSeconds = 0;
        harness.GitHub.Faults.Enqueue(FakeFault.TooManyRequests, 2);

        var issue = await harness.Client.CreateIssueAsync(Repo, new NewIssue("Rotate the keys"));

        Assert.Equal(1, issue.Number);
        Assert.Equal([429, 429, 201], harness.GitHub.RequestsTo("POST", "/repos/acme/ops/issues").Select(r => r.StatusCode));
        Assert.Equal(1, harness.GitHub.IssuesCreated);
    }

    [Fact]
    public async Task ServerErrors_OnAGet_AreRetried()
    {
        await using var harness = await GitHubApiHarness.StartAsync();
        harness.GitHub.Faults.Enqueue(FakeFault.InternalServerError);
        harness.GitHub.Faults.Enqueue(FakeFault.BadGateway);

        var repository = await harness.Client.GetRepositoryAsync(Repo);

        Assert.Equal("main", repository.DefaultBranch);
        Assert.Equal([500, 502, 200], harness.GitHub.Requests.Select(r => r.StatusCode));
    }

    [Fact]
    public async Task ServerErrors_BeyondTheRetryAttempts_ReachTheCaller()
    {
        await using var harness = await GitHubApiHarness.StartAsync(settings: (_, values) => values["ActionBot:GitHub:MaxRetryAttempts"] = "2");
        harness.GitHub.Faults.Enqueue(FakeFault.BadGateway, 3);

        var error = await Assert.ThrowsAsync<GitHubApiException>(() => harness.Client.GetRepositoryAsync(Repo));

        Assert.Equal(HttpStatusCode.BadGateway, error.StatusCode);
        Assert.Equal(3, harness.GitHub.Requests.Count);
    }

    [Fact]
    public async Task ServerError_OnAPost_IsNotRetried_ForGitHubMayHaveActed()
    {
        await using var harness = await GitHubApiHarness.StartAsync();
        harness.GitHub.Faults.Enqueue(FakeFault.InternalServerError);

        var error = await Assert.ThrowsAsync<GitHubApiException>(() => harness.Client.CreateIssueAsync(Repo, new NewIssue("Rotate the keys")));

        Assert.Equal(HttpStatusCode.InternalServerError, error.StatusCode);
        Assert.Single(harness.GitHub.RequestsTo("POST", "/repos/acme/ops/issues"));
    }

    [Fact]
    public async Task IssueCreatedThenAnswerFailed_ReachesTheCaller_WithoutASecondPost()
    {
        await using var harness = await GitHubApiHarness.StartAsync();
        harness.GitHub.Faults.CreateThenFail();

        var error = await Assert.ThrowsAsync<GitHubApiException>(() => harness.Client.CreateIssueAsync(Repo, new NewIssue("Rotate the keys")));

        Assert.Equal(HttpStatusCode.BadGateway, error.StatusCode);
        Assert.Single(harness.GitHub.RequestsTo("POST", "/repos/acme/ops/issues"));
        Assert.Single(harness.Repository.Issues); // the caller's exactly-once logic must find this one
    }

    [Fact]
    public async Task IssueCreatedThenConnectionDropped_ReachesTheCaller_WithoutASecondPost()
    {
        await using var harness = await GitHubApiHarness.StartAsync();
        harness.GitHub.Faults.CreateThenFailWith = FakeAfterCreateFailure.ConnectionReset;
        harness.GitHub.Faults.CreateThenFail();

        await Assert.ThrowsAsync<HttpRequestException>(() => harness.Client.CreateIssueAsync(Repo, new NewIssue("Rotate the keys")));

        Assert.Single(harness.GitHub.RequestsTo("POST", "/repos/acme/ops/issues"));
        Assert.Equal(1, harness.GitHub.IssuesCreated);
    }

    [Fact]
    public async Task TwentyPercentFaults_BeforeActing_EndWithExactlyOneIssuePerItem()
    {
        await using var harness = await GitHubApiHarness.StartAsync();
        var faults = harness.GitHub.Faults;
        faults.RetryAfterSeconds = 0;
        faults.Seed(2024);
        faults.Rate = 0.2;
        var creator = new MarkerIssueCreator(harness.Client);

        var titles = Enumerable.Range(1, 40).Select(i => $"Action item {i}").ToList();
        foreach (var title in titles)
        {
            await creator.CreateOnceAsync(title);
        }

        Assert.True(faults.Injected >= 10, $"only {faults.Injected} faults were injected");
        Assert.True(creator.FailedPosts > 0, "no POST failed with a 5xx, so the caller's recovery went untested");
        Assert.Equal(titles.Order(), harness.Repository.Issues.Select(i => i.Title).Order());
        Assert.Equal(titles.Count, harness.GitHub.IssuesCreated);
    }

    [Fact]
    public async Task ContentCreatingRequests_KeepTheMinimumIntervalBetweenThem()
    {
        var clock = new FakeTimeProvider();
        await using var harness = await GitHubApiHarness.StartAsync(clock, (_, values) => values["ActionBot:GitHub:MinimumWriteInterval"] = "00:00:01");
        await harness.Client.CreateIssueAsync(Repo, new NewIssue("First"));

        var second = harness.Client.CreateIssueAsync(Repo, new NewIssue("Second"));
        var read = harness.Client.GetRepositoryAsync(Repo);
        await clock.WaitForPendingTimersAsync().WaitAsync(TimeSpan.FromSeconds(10));

        await read.WaitAsync(TimeSpan.FromSeconds(10)); // reads do not queue behind writes
        Assert.Equal(TimeSpan.FromSeconds(1), Assert.Single(clock.PendingTimerDueTimes));
        Assert.Equal(1, harness.GitHub.IssuesCreated);

        clock.Advance(TimeSpan.FromSeconds(1));
        await second.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(2, harness.GitHub.IssuesCreated);
    }

    public static TheoryData<Exception, bool, bool> Failures => new()
    {
        { new HttpRequestException(HttpRequestError.ConnectionError, "refused"), false, true },
        { new HttpRequestException(HttpRequestError.NameResolutionError, "no such host"), false, true },
        { new HttpRequestException(HttpRequestError.ResponseEnded, "reset"), false, false },
        { new HttpRequestException(HttpRequestError.ResponseEnded, "reset"), true, true },
        { new TimeoutRejectedException(), false, false },
        { new TimeoutRejectedException(), true, true },
        { new GitHubApiException(HttpStatusCode.BadGateway, "502"), false, false },
        { new GitHubApiException(HttpStatusCode.BadGateway, "502"), true, true },
        { new GitHubNotFoundException("404"), true, false },
        { new GitHubSecondaryRateLimitException(HttpStatusCode.Forbidden, "403", TimeSpan.Zero), true, false },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public void TransientFailures_AreRepeatedOnlyWhenGitHubProvablyDidNotActOrRepeatingIsHarmless(Exception failure, bool safeToRepeat, bool repeated)
    {
        Assert.Equal(repeated, GitHubResilience.IsTransient(failure, safeToRepeat));
    }

    /// <summary>What the caller's exactly-once logic does: after an unclear failure, look for the issue before creating it again.</summary>
    private sealed class MarkerIssueCreator(GitHubClient client)
    {
        public int FailedPosts { get; private set; }

        public async Task CreateOnceAsync(string title)
        {
            while (true)
            {
                try
                {
                    await client.CreateIssueAsync(Repo, new NewIssue(title, Labels: ["action-item"]));
                    return;
                }
                catch (GitHubApiException e) when ((int)e.StatusCode >= 500)
                {
                    FailedPosts++;
                    var existing = await client.ListIssuesAsync(Repo, new GitHubIssueQuery(Labels: ["action-item"])).ToListAsync();
                    if (existing.Any(i => i.Title == title))
                    {
                        return;
                    }
                }
            }
        }
    }
}
