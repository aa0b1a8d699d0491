using ActionBot.Core.Tracking;
using ActionBot.GitHub.Api;
using ActionBot.Scheduling;
using ActionBot.Testing;
using ActionBot.Testing.GitHub;
using ActionBot.Testing.GitHub.Webhooks;
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
        Assert.Equal(3, Repository.ActionItemIssues.Count);
        first.AssertLogsAreClean();

        // The restarted bot takes back its dead run's claim at start-up (the clock never moves past the lease) and finds
        // the third issue by its marker.
        var clock = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        var startedAt = clock.GetUtcNow();
        var second = await StartBotAsync(clock: clock);
        await second.DrainAsync();
        Assert.Equal(startedAt, clock.GetUtcNow());

        var issues = Repository.ActionItemIssues;
        Assert.Equal(5, issues.Count);
        // Five item issues and one tracking issue per postmortem, each created once.
        Assert.Equal(2, Repository.TrackingIssues.Count);
        Assert.Equal(5 + 2, GitHub.IssuesCreated);
        var items = await second.GetItemsAsync("open");
        Assert.Equal(5, items.Count);
        Assert.All(items, item => Assert.Equal(item.Key, IssueMarker.Find(Assert.Single(issues, i => i.Number == item.IssueNumber).Body)));
        Assert.Equal(0, await second.CountPendingDeliveriesAsync());
        second.AssertLogsAreClean();
    }

    // A push of a commit already read is skipped (its pull request read it), but not when that reading was this
    // delivery's own first try, cut short after it was stored: the retry finishes it instead of waiting for the
    // hourly maintenance pass.
    [Fact]
    public async Task PushWhoseFirstTryFailedAfterStoringItsReading_OpensItsIssuesOnTheRetry()
    {
        const string after = "7d1e3f5a7b2d4c6e8f0a1b3c5d7e9f1a2b4c6d8e";
        var app = await StartBotAsync(settings: s => s["ActionBot:GitHub:MaxRetryAttempts"] = "0");
        Repository.AddFile(after, SamplePostmortems.CachePath, SamplePostmortems.Cache);
        GitHub.Faults.AppliesTo = (_, path) => path.Contains("/labels", StringComparison.Ordinal);
        GitHub.Faults.Enqueue(FakeFault.InternalServerError);

        var push = new PushEventBuilder().InRepository(ActionBotApplication.Repository).Between(new string('1', 40), after).WithCommit(id: after, added: [SamplePostmortems.CachePath]);
        using var response = await app.PostWebhookAsync("push", push.Build());
        await app.DrainAsync();

        Assert.Equal(1, GitHub.Faults.Injected);
        Assert.Equal(SamplePostmortems.CacheOpenTitles.Order(), Repository.ActionItemIssues.Select(i => i.Title).Order());
        app.AssertLogsAreClean();
    }

    [Fact]
    public async Task GitHubFailingTheAnswerToACreatedIssue_IsRetriedWithoutASecondIssue()
    {
        var app = await StartBotAsync();
        GitHub.Faults.CreateThenFail();

        using var response = await app.PostWebhookAsync("pull_request", MergedPullRequest.Seed(GitHub, 42, SamplePostmortems.Both));
        await app.DrainAsync();

        Assert.Equal(1, GitHub.Faults.InjectedAfterCreate);
        Assert.Equal(5, Repository.ActionItemIssues.Count);
        // Five item issues and one tracking issue per postmortem, each created once.
        Assert.Equal(2, Repository.TrackingIssues.Count);
        Assert.Equal(5 + 2, GitHub.IssuesCreated);
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

        Assert.Equal(5, Repository.ActionItemIssues.Count);
        // Five item issues and one tracking issue per postmortem, each created once.
        Assert.Equal(2, Repository.TrackingIssues.Count);
        Assert.Equal(5 + 2, GitHub.IssuesCreated);
        app.AssertLogsAreClean();
    }
}
