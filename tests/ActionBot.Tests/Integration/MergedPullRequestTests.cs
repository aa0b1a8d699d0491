using System.Net;
using ActionBot.Core.Tracking;
using ActionBot.Tests.Infrastructure;
using static ActionBot.Tests.Infrastructure.SamplePostmortems;

namespace ActionBot.Tests.Integration;

/// <summary>A merged pull request, end to end: webhook in, issues opened on GitHub, items listed by the API.</summary>
public sealed class MergedPullRequestTests : IntegrationTest
{
    [Fact]
    public async Task MergedPullRequestWithTwoPostmortems_OpensOneLabelledLinkedIssuePerOpenItem()
    {
        var app = await StartBotAsync();
        var delivery = MergedPullRequest.Seed(GitHub, 42, Both);

        using var response = await app.PostWebhookAsync("pull_request", delivery);
        await app.DrainAsync();

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var issues = Repository.ActionItemIssues;
        Assert.Equal([.. CacheOpenTitles, .. QueueOpenTitles], issues.OrderBy(i => i.Number).Select(i => i.Title));
        // Five item issues and one tracking issue per postmortem, each created once.
        Assert.Equal(2, Repository.TrackingIssues.Count);
        Assert.Equal(5 + 2, GitHub.IssuesCreated);
        var sha = MergedPullRequest.MergeSha(42);
        Assert.All(issues, issue =>
        {
            Assert.Contains("action-item", issue.Labels);
            Assert.Contains("postmortem", issue.Labels);
            Assert.Matches("<!-- actionbot:item=[0-9a-f]+ -->", issue.Body);
            var path = CacheOpenTitles.Contains(issue.Title) ? CachePath : QueuePath;
            Assert.Contains($"https://github.com/{ActionBotApplication.Repository}/blob/{sha}/{path}", issue.Body);
            Assert.Contains(MergedPullRequest.HtmlUrl(42), issue.Body);
        });

        var open = await app.GetItemsAsync("open");
        Assert.Equal(issues.Select(i => i.Number).Order(), open.Select(i => i.IssueNumber ?? 0).Order());
        Assert.All(open, item =>
        {
            var issue = Assert.Single(issues, i => i.Number == item.IssueNumber);
            Assert.Equal(item.Key, IssueMarker.Find(issue.Body));
            Assert.Equal(item.Title, issue.Title);
            Assert.Equal("open", item.State);
        });
        var done = Assert.Single(await app.GetItemsAsync("closed"));
        Assert.Equal("Roll back the deploy that flushed the cache", done.Title);
        Assert.Null(done.IssueNumber);
        app.AssertLogsAreClean();
    }

    [Fact]
    public async Task PullRequestWith130ChangedFiles_ReadsThePostmortemsOnItsSecondPage()
    {
        var app = await StartBotAsync();
        var code = Enumerable.Range(1, 128).Select(i => $"src/Checkout/Handler{i:000}.cs");
        var delivery = MergedPullRequest.Seed(GitHub, 43, Both, otherFiles: code);

        using var response = await app.PostWebhookAsync("pull_request", delivery);
        await app.DrainAsync();

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var pages = GitHub.RequestsTo("GET", $"/repos/{ActionBotApplication.Repository}/pulls/43/files");
        Assert.Equal(["?per_page=100", "?per_page=100&page=2"], pages.Select(r => r.Query));
        Assert.Equal([.. CacheOpenTitles, .. QueueOpenTitles], Repository.ActionItemIssues.OrderBy(i => i.Number).Select(i => i.Title));
        Assert.Equal(5, (await app.GetItemsAsync("open")).Count(i => i.IssueNumber is not null));
        app.AssertLogsAreClean();
    }
}
