using System.Net;
using ActionBot.Testing.GitHub.Webhooks;
using ActionBot.Tests.Infrastructure;

namespace ActionBot.Tests.Integration;

/// <summary>Deliveries that must open nothing: forged ones, pull requests that did not merge a postmortem, and pings.</summary>
public sealed class IgnoredDeliveryTests : IntegrationTest
{
    public static TheoryData<string> NotMergedPostmortems => ["closed without merging", "merged into another branch", "merged without postmortem files"];

    [Fact]
    public async Task DeliverySignedWithTheWrongSecret_IsRefusedWith401AndNothingIsStored()
    {
        var app = await StartBotAsync();
        var delivery = MergedPullRequest.Seed(GitHub, 42, SamplePostmortems.Both);

        using var response = await app.Client.PostWebhookAsync("pull_request", delivery, secret: "not-the-configured-secret");
        await app.DrainAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, await app.CountStoredDeliveriesAsync());
        Assert.Empty(Repository.ActionItemIssues);
        Assert.Empty(GitHub.Requests);
        Assert.Empty(await app.GetItemsAsync());
        app.AssertLogsAreClean();
    }

    [Theory]
    [MemberData(nameof(NotMergedPostmortems))]
    public async Task PullRequestThatMergedNoPostmortem_IsAcceptedAndOpensNothing(string pullRequest)
    {
        var app = await StartBotAsync();
        var delivery = pullRequest switch
        {
            "closed without merging" => Seeded(MergedPullRequest.Delivery(42).NotMerged()),
            "merged into another branch" => Seeded(MergedPullRequest.Delivery(42).IntoBranch("release/2025.03")),
            _ => MergedPullRequest.Seed(GitHub, 42, [], otherFiles: ["src/Checkout/Cart.cs", "docs/postmortems.md", "postmortems/README.txt"]),
        };

        using var response = await app.PostWebhookAsync("pull_request", delivery);
        await app.DrainAsync();

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(1, await app.CountStoredDeliveriesAsync());
        Assert.Empty(Repository.ActionItemIssues);
        Assert.Empty(GitHub.RequestsTo("POST", "/repos"));
        Assert.Empty(await app.GetItemsAsync());
        app.AssertLogsAreClean();
    }

    [Fact]
    public async Task Ping_IsAnsweredWith200AndNotStored()
    {
        var app = await StartBotAsync();

        using var response = await app.PostWebhookAsync("ping", new PingEventBuilder().InRepository(ActionBotApplication.Repository).Build());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, await app.CountStoredDeliveriesAsync());
        Assert.Empty(GitHub.Requests);
        app.AssertLogsAreClean();
    }

    // The pull request's postmortems exist on the fake, so only the bot's reading of the delivery keeps them unopened.
    private byte[] Seeded(PullRequestEventBuilder delivery)
    {
        MergedPullRequest.Seed(GitHub, 42, SamplePostmortems.Both);
        return delivery.Build();
    }
}
