using ActionBot.Testing;
using Octokit;

namespace ActionBot.GitHub.Tests.Api.Handlers;

public sealed class GitHubWritePacingHandlerTests
{
    [Fact]
    public async Task ContentCreatingRequests_KeepTheMinimumIntervalBetweenThem_AndReadsDoNotWait()
    {
        var clock = new FakeTimeProvider();
        await using var harness = await GitHubApiHarness.StartAsync(clock, (_, values) => values["ActionBot:GitHub:MinimumWriteInterval"] = "00:00:01");
        await harness.Client.Issue.Create("acme", "ops", new NewIssue("First"));

        var second = harness.Client.Issue.Create("acme", "ops", new NewIssue("Second"));
        var read = harness.Client.Repository.Get("acme", "ops");
        await clock.WaitForPendingTimersAsync().WaitAsync(TimeSpan.FromSeconds(10));

        await read.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(TimeSpan.FromSeconds(1), Assert.Single(clock.PendingTimerDueTimes));
        Assert.Equal(1, harness.GitHub.IssuesCreated);

        clock.Advance(TimeSpan.FromSeconds(1));
        await second.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(2, harness.GitHub.IssuesCreated);
    }
}
