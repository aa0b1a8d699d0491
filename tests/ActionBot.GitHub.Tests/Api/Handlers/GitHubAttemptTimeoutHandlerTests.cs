using ActionBot.GitHub.Api;
using ActionBot.Testing;
using Octokit;

namespace ActionBot.GitHub.Tests.Api.Handlers;

/// <summary>Each attempt is bounded on the fake clock; Octokit's calls, which take no token, are bound to their caller's.</summary>
public sealed class GitHubAttemptTimeoutHandlerTests
{
    [Fact]
    public async Task AStalledRead_TimesOut_AndIsSentAgain()
    {
        var clock = new FakeTimeProvider();
        var stall = new StallFirst();
        await using var harness = await GitHubApiHarness.StartAsync(clock, TenSecondAttempts, GitHubApiHarness.Network(stall.Handler));

        var call = harness.Client.Repository.Get("acme", "ops");
        await stall.Stalled.WaitAsync(TimeSpan.FromSeconds(10));
        await clock.WaitForPendingTimersAsync().WaitAsync(TimeSpan.FromSeconds(10));
        clock.Advance(TimeSpan.FromSeconds(10));

        Assert.Equal("main", (await call.WaitAsync(TimeSpan.FromSeconds(10))).DefaultBranch);
        Assert.Single(harness.GitHub.Requests); // the stalled one never reached the fake
        Assert.Contains(harness.Logs.Entries, e => e.EventId.Id == 1011 && e.FullText.Contains("TimeoutException", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AStalledIssueCreation_TimesOut_AndIsNotSentAgain()
    {
        var clock = new FakeTimeProvider();
        var stall = new StallFirst();
        await using var harness = await GitHubApiHarness.StartAsync(clock, TenSecondAttempts, GitHubApiHarness.Network(stall.Handler));

        var call = harness.Client.Issue.Create("acme", "ops", new NewIssue("Rotate the keys"));
        await stall.Stalled.WaitAsync(TimeSpan.FromSeconds(10));
        await clock.WaitForPendingTimersAsync().WaitAsync(TimeSpan.FromSeconds(10));
        clock.Advance(TimeSpan.FromSeconds(10));

        await Assert.ThrowsAsync<TimeoutException>(() => call.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(1, stall.Requests);
    }

    [Fact]
    public async Task TheCallersToken_CancelsARateLimitWait()
    {
        var clock = new FakeTimeProvider();
        await using var harness = await GitHubApiHarness.StartAsync(clock);
        harness.GitHub.ExhaustRateLimit(clock.GetUtcNow().AddMinutes(10));
        using var cancel = new CancellationTokenSource();

        var call = GitHubCall.RunAsync(() => harness.Client.Repository.Get("acme", "ops"), cancel.Token);
        await clock.WaitForPendingTimersAsync().WaitAsync(TimeSpan.FromSeconds(10));
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Single(harness.GitHub.Requests);
    }

    private static void TenSecondAttempts(Testing.GitHub.FakeGitHubServer github, Dictionary<string, string?> values) =>
        values["ActionBot:GitHub:RequestTimeout"] = "00:00:10";

    /// <summary>Holds the first request forever (until cancelled), as a connection whose answer never comes.</summary>
    private sealed class StallFirst
    {
        private readonly TaskCompletionSource _stalled = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _requests;

        public Task Stalled => _stalled.Task;

        public int Requests => Volatile.Read(ref _requests);

        public DelegatingHandler Handler() => new Stalling(this);

        private sealed class Stalling(StallFirst owner) : DelegatingHandler
        {
            protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            {
                if (Interlocked.Increment(ref owner._requests) == 1)
                {
                    owner._stalled.TrySetResult();
                    await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
                }

                return await base.SendAsync(request, cancellationToken);
            }
        }
    }
}
