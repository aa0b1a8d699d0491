using System.Net;
using ActionBot.Tests.Infrastructure;

namespace ActionBot.Tests.Integration;

/// <summary>GitHub delivers at least once: the same delivery many times at once, or the same event under a new delivery id.</summary>
public sealed class RedeliveryTests : IntegrationTest
{
    [Fact]
    public async Task TwentyConcurrentCopiesOfOneDelivery_AreAllAcceptedStoredOnceAndOpenEachIssueOnce()
    {
        var app = await StartBotAsync();
        var delivery = MergedPullRequest.Seed(GitHub, 42, SamplePostmortems.Both);
        var deliveryId = Guid.NewGuid().ToString();

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => app.PostWebhookAsync("pull_request", delivery, deliveryId)));
        await app.DrainAsync();

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Accepted, r.StatusCode));
        Assert.Equal(1, await app.CountStoredDeliveriesAsync());
        Assert.Equal(5, Repository.ActionItemIssues.Count);
        // Five item issues and one tracking issue per postmortem, each created once.
        Assert.Equal(2, Repository.TrackingIssues.Count);
        Assert.Equal(5 + 2, GitHub.IssuesCreated);
        foreach (var response in responses)
        {
            response.Dispose();
        }

        app.AssertLogsAreClean();
    }

    [Fact]
    public async Task SamePullRequestUnderANewDeliveryId_OpensNoSecondIssue()
    {
        var app = await StartBotAsync();
        var delivery = MergedPullRequest.Seed(GitHub, 42, SamplePostmortems.Both);
        using var first = await app.PostWebhookAsync("pull_request", delivery);
        await app.DrainAsync();
        var issuesAfterFirst = Repository.ActionItemIssues.Select(i => i.Number).ToList();

        using var redelivered = await app.PostWebhookAsync("pull_request", delivery, Guid.NewGuid().ToString());
        await app.DrainAsync();

        Assert.Equal(HttpStatusCode.Accepted, redelivered.StatusCode);
        Assert.Equal(2, await app.CountStoredDeliveriesAsync());
        Assert.Equal(5, issuesAfterFirst.Count);
        Assert.Equal(issuesAfterFirst, Repository.ActionItemIssues.Select(i => i.Number));
        // Five item issues and one tracking issue per postmortem, each created once.
        Assert.Equal(2, Repository.TrackingIssues.Count);
        Assert.Equal(5 + 2, GitHub.IssuesCreated);
        Assert.Equal(5, (await app.GetItemsAsync("open")).Count);
        app.AssertLogsAreClean();
    }
}
