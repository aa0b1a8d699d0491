using ActionBot.Core.Tracking;
using ActionBot.Tests.Infrastructure;

namespace ActionBot.Tests.Integration;

/// <summary>GitHub failing often (errors, rate limits, issues created whose answer is lost) changes how long it takes, not the result.</summary>
public sealed class GitHubFaultTests : IntegrationTest
{
    [Fact]
    public async Task GitHubFailingOneRequestInFive_StillEndsWithExactlyOneIssuePerOpenItem()
    {
        // A retried delivery is the normal path here; the limit is raised so that only a bug, not bad luck, sets one aside.
        var app = await StartBotAsync(settings => settings["ActionBot:Deliveries:MaxAttempts"] = "100");
        GitHub.Faults.Seed(42);
        GitHub.Faults.Rate = 0.2;
        GitHub.Faults.CreateThenFailRate = 0.2;
        var delivery = MergedPullRequest.Seed(GitHub, 42, SamplePostmortems.Both);

        using var response = await app.PostWebhookAsync("pull_request", delivery);
        await app.DrainAsync();
        using var redelivered = await app.PostWebhookAsync("pull_request", delivery);
        await app.DrainAsync();

        Assert.True(GitHub.Faults.Injected > 0, "no fault was injected");
        Assert.True(GitHub.Faults.InjectedAfterCreate > 0, "no issue was created and then failed");
        var issues = Repository.ActionItemIssues;
        Assert.Equal(5, issues.Count);
        // Five item issues and one tracking issue per postmortem, each created once.
        Assert.Equal(2, Repository.TrackingIssues.Count);
        Assert.Equal(5 + 2, GitHub.IssuesCreated);
        var items = await app.GetItemsAsync("open");
        Assert.Equal(5, items.Count);
        Assert.All(items, item => Assert.Equal(item.Key, IssueMarker.Find(Assert.Single(issues, i => i.Number == item.IssueNumber).Body)));
        app.AssertLogsAreClean();
    }

    [Theory]
    [InlineData(Testing.GitHub.FakeAfterCreateFailure.BadGateway)]
    [InlineData(Testing.GitHub.FakeAfterCreateFailure.ConnectionReset)]
    public async Task AnIssueCreatedWhoseAnswerWasLost_IsFoundByItsMarkerWithinTheSameAttempt(Testing.GitHub.FakeAfterCreateFailure failure)
    {
        var app = await StartBotAsync();
        GitHub.Faults.CreateThenFailWith = failure;
        GitHub.Faults.CreateThenFail(2);

        using var response = await app.PostWebhookAsync("pull_request", MergedPullRequest.Seed(GitHub, 42, SamplePostmortems.Both));
        await app.DrainAsync();

        Assert.Equal(2, GitHub.Faults.InjectedAfterCreate);
        // Five item issues and one tracking issue per postmortem, each created once.
        Assert.Equal(2, Repository.TrackingIssues.Count);
        Assert.Equal(5 + 2, GitHub.IssuesCreated);
        Assert.Equal(5, Repository.ActionItemIssues.Count);
        Assert.Equal(5, (await app.GetItemsAsync("open")).Select(i => i.IssueNumber).OfType<int>().Distinct().Count());
        Assert.DoesNotContain(app.Logs.Entries, e => e.EventId.Id == 2000); // no delivery put back for a later retry
        app.AssertLogsAreClean();
    }
}
