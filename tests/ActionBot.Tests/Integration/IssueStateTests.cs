using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using ActionBot.Hosting;
using ActionBot.Scheduling;
using ActionBot.Testing.GitHub;
using ActionBot.Testing.GitHub.Webhooks;
using ActionBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace ActionBot.Tests.Integration;

/// <summary>An item is done when its issue is closed: told by the <c>issues</c> webhook, or found by the maintenance pass when that webhook was missed.</summary>
public sealed class IssueStateTests : IntegrationTest
{
    [Fact]
    public async Task IssuesClosedWebhook_ListsItsItemAsClosed()
    {
        var app = await StartBotAsync();
        await MergeQueuePostmortemAsync(app);
        var issue = Repository.ActionItemIssues[0];
        var closed = new IssuesEventBuilder()
            .InRepository(ActionBotApplication.Repository)
            .WithNumber(issue.Number)
            .WithTitle(issue.Title)
            .WithBody(issue.Body)
            .WithLabels([.. issue.Labels])
            .WithAction("closed")
            .Build();

        using var response = await app.PostWebhookAsync("issues", closed);
        await app.DrainAsync();

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var item = Assert.Single(await app.GetItemsAsync("closed"));
        Assert.Equal(issue.Number, item.IssueNumber);
        Assert.Equal("closed", item.State);
        Assert.DoesNotContain(await app.GetItemsAsync("open"), i => i.IssueNumber == issue.Number);
        app.AssertLogsAreClean();
    }

    [Fact]
    public async Task IssueReassignedOnGitHub_ChangesTheOwnersOfItsItem()
    {
        var app = await StartBotAsync();
        await MergeQueuePostmortemAsync(app);
        var issue = Repository.ActionItemIssues[0];
        var assigned = new IssuesEventBuilder()
            .InRepository(ActionBotApplication.Repository)
            .WithNumber(issue.Number)
            .WithTitle(issue.Title)
            .WithBody(issue.Body)
            .WithLabels([.. issue.Labels])
            .WithAssignees("new-owner", "second-owner")
            .WithAction("assigned")
            .Build();

        using var response = await app.PostWebhookAsync("issues", assigned);
        await app.DrainAsync();

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var item = Assert.Single(await app.GetItemsAsync("open"), i => i.IssueNumber == issue.Number);
        Assert.Equal(["new-owner", "second-owner"], item.Owners);
        Assert.Single(await app.GetItemsAsync("all", owner: "second-owner"));
        app.AssertLogsAreClean();
    }

    [Fact]
    public async Task IssueClosedWhileItsWebhookWasMissed_IsClosedByTheNextMaintenancePass()
    {
        var app = await StartBotAsync();
        await MergeQueuePostmortemAsync(app);
        var issue = Repository.ActionItemIssues[^1];

        await IssueClosing.CloseOnGitHubAsync(GitHub, issue.Number);
        Assert.Empty(await app.GetItemsAsync("closed"));
        await app.Services.GetRequiredService<GitHubReconcileJob>().RunAsync(CancellationToken.None);

        var item = Assert.Single(await app.GetItemsAsync("closed"));
        Assert.Equal(issue.Number, item.IssueNumber);
        Assert.Single(await app.GetItemsAsync("open"));
        app.AssertLogsAreClean();
    }

    private static async Task MergeQueuePostmortemAsync(ActionBotApplication app)
    {
        using var response = await app.PostWebhookAsync("pull_request", MergedPullRequest.Seed(app.GitHub, 42, [SamplePostmortems.QueueFile]));
        await app.DrainAsync();
        Assert.Equal(2, (await app.GetItemsAsync("open")).Count(i => i.IssueNumber is not null));
    }
}
