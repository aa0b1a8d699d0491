using ActionBot.Core.Tracking;
using ActionBot.GitHub.Api;
using ActionBot.GitHub.Processing;
using ActionBot.Scheduling;
using ActionBot.Testing;
using ActionBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace ActionBot.Tests.Integration;

/// <summary>GitHub created an issue but the bot never recorded it: a later attempt finds it by its marker instead of opening another.</summary>
public sealed class CrashRecoveryTests : IntegrationTest
{
    [Fact]
    public async Task BotKilledAfterGitHubCreatedTheThirdOfFiveIssues_OpensExactlyTheOtherTwoAtOnceAfterARestart()
    {
        var kill = new ProcessKill(createsBeforeKill: 2);
        var first = await StartBotAsync(services: services => services.AddHttpClient(GitHubServiceCollectionExtensions.HttpClientName).AddHttpMessageHandler(kill.CreateHandler));
        using var response = await first.PostWebhookAsync("pull_request", MergedPullRequest.Seed(GitHub, 42, SamplePostmortems.Both));
        await kill.Reached.WaitAsync(ActionBotApplication.WaitLimit);
        await first.DisposeAsync();
        Assert.Equal(3, Repository.Issues.Count);
        first.AssertLogsAreClean();

        // The restarted bot takes back its dead run's claim at start-up (the clock never moves past the lease) and finds
        // the third issue by its marker.
        var clock = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        var startedAt = clock.GetUtcNow();
        var second = await StartBotAsync(clock: clock);
        await second.DrainAsync();
        Assert.Equal(startedAt, clock.GetUtcNow());

        var issues = Repository.Issues;
        Assert.Equal(5, issues.Count);
        Assert.Equal(5, GitHub.IssuesCreated);
        var items = await second.GetItemsAsync("open");
        Assert.Equal(5, items.Count);
        Assert.All(items, item => Assert.Equal(item.Key, IssueMarker.Find(Assert.Single(issues, i => i.Number == item.IssueNumber).Body)));
        Assert.Equal(0, await second.CountPendingDeliveriesAsync());
        second.AssertLogsAreClean();
    }

    [Fact]
    public async Task GitHubFailingTheAnswerToACreatedIssue_IsRetriedWithoutASecondIssue()
    {
        var app = await StartBotAsync();
        GitHub.Faults.CreateThenFail();

        using var response = await app.PostWebhookAsync("pull_request", MergedPullRequest.Seed(GitHub, 42, SamplePostmortems.Both));
        await app.DrainAsync();

        Assert.Equal(1, GitHub.Faults.InjectedAfterCreate);
        Assert.Equal(5, Repository.Issues.Count);
        Assert.Equal(5, GitHub.IssuesCreated);
        Assert.Equal(5, (await app.GetItemsAsync("open")).Select(i => i.IssueNumber).OfType<int>().Distinct().Count());
        app.AssertLogsAreClean();
    }

    // The maintenance pass (at start and every ReconcileEvery) recovers unopened issues while a delivery may be opening them:
    // each works from items it read earlier, so run at once they opened the same items twice (8 issues instead of 5).
    [Fact]
    public async Task MaintenancePassDuringAnIngestion_OpensNoIssueTwice()
    {
        // The delivery has stored the cache postmortem's items and is about to open their issues.
        var hold = new HeldRequest(request => request.Method == HttpMethod.Get && request.RequestUri!.AbsolutePath.Contains("/labels/", StringComparison.Ordinal));
        var app = await StartBotAsync(services: services => services.AddHttpClient(GitHubServiceCollectionExtensions.HttpClientName).AddHttpMessageHandler(hold.CreateHandler));
        using var response = await app.PostWebhookAsync("pull_request", MergedPullRequest.Seed(GitHub, 42, SamplePostmortems.Both));
        await hold.Reached.WaitAsync(ActionBotApplication.WaitLimit);

        var pass = app.Services.GetRequiredService<GitHubReconcileJob>().RunAsync(CancellationToken.None);
        hold.Release();
        await pass.WaitAsync(ActionBotApplication.WaitLimit);
        await app.DrainAsync();

        Assert.Equal(5, Repository.Issues.Count);
        Assert.Equal(5, GitHub.IssuesCreated);
        app.AssertLogsAreClean();
    }
}
