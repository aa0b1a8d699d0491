using System.Globalization;
using System.Text;
using ActionBot.Core.Tracking;
using ActionBot.GitHub.Api;
using ActionBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using static ActionBot.Tests.Infrastructure.SamplePostmortems;

namespace ActionBot.Tests.Integration;

/// <summary>
/// One tracking issue per postmortem (INTERFACES §5), its action-item issues attached as GitHub sub-issues exactly once,
/// closed when they all are and reopened when one reopens; against the fake GitHub, which answers as GitHub does (an
/// attach by the sub-issue's id, 422 on a duplicate).
/// </summary>
public sealed class TrackingIssueTests(ITestOutputHelper output) : IntegrationTest
{
    private static string Path(int number) => $"/repos/{ActionBotApplication.Repository}/issues/{number}/sub_issues";

    [Fact]
    public async Task TwentyRedeliveriesUnderNewDeliveryIds_OpenOneTrackingIssuePerPostmortem_WithEachItemAttachedOnce()
    {
        var app = await StartBotAsync();
        var delivery = MergedPullRequest.Seed(GitHub, 42, Both);

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => app.PostWebhookAsync("pull_request", delivery, Guid.NewGuid().ToString())));
        await app.DrainAsync();

        Assert.Equal(20, await app.CountStoredDeliveriesAsync());
        Assert.Equal(5, Repository.ActionItemIssues.Count);
        var trackingIssues = Repository.TrackingIssues;
        Assert.Equal(2, trackingIssues.Count);
        Assert.Equal(5 + 2, GitHub.IssuesCreated);
        var cache = Assert.Single(trackingIssues, i => i.Body!.Contains(CachePath, StringComparison.Ordinal));
        var queue = Assert.Single(trackingIssues, i => i.Body!.Contains(QueuePath, StringComparison.Ordinal));
        Assert.Equal(CacheOpenTitles, Repository.SubIssues(cache.Number).Select(i => i.Title));
        Assert.Equal(QueueOpenTitles, Repository.SubIssues(queue.Number).Select(i => i.Title));
        Assert.Equal(5, GitHub.Requests.Count(r => r.Method == "POST" && r.Path.EndsWith("/sub_issues", StringComparison.Ordinal)));
        Assert.DoesNotContain(GitHub.Requests, r => r.StatusCode == 422);

        // Titled after the postmortem, labelled postmortem, linking the file at its merge commit and the pull request.
        Assert.Equal("Postmortem: Cache stampede after the Friday deploy (March 1, 2025)", cache.Title);
        Assert.Equal(["postmortem"], cache.Labels);
        Assert.Contains($"/blob/{MergedPullRequest.MergeSha(42)}/{CachePath}", cache.Body, StringComparison.Ordinal);
        Assert.Contains(MergedPullRequest.HtmlUrl(42), cache.Body, StringComparison.Ordinal);
        Assert.Contains("Roll back the deploy that flushed the cache", cache.Body, StringComparison.Ordinal);
        Assert.All(responses, r => r.Dispose());
        app.AssertLogsAreClean();
    }

    // The tracking issue is created (GitHub has it) and the bot dies before it hears so: no attach was made.
    [Fact]
    public async Task BotKilledAfterCreatingTheTrackingIssue_AttachesEveryItemOnceAfterARestart()
    {
        var kill = new ProcessKill(createsBeforeKill: 2);
        var first = await StartBotAsync(services: services => services.AddHttpClient(GitHubServiceCollectionExtensions.HttpClientName).AddHttpMessageHandler(kill.CreateHandler));
        using var response = await first.PostWebhookAsync("pull_request", MergedPullRequest.Seed(GitHub, 42, [QueueFile]));
        await kill.Reached.WaitAsync(ActionBotApplication.WaitLimit);
        await first.DisposeAsync();
        var tracking = Assert.Single(Repository.TrackingIssues);
        Assert.Empty(Repository.SubIssues(tracking.Number));

        // The restarted bot's maintenance pass (at start) finds the tracking issue by its marker and attaches both items.
        var second = await StartBotAsync();

        Assert.Single(Repository.TrackingIssues);
        Assert.Equal(QueueOpenTitles, Repository.SubIssues(tracking.Number).Select(i => i.Title));
        Assert.Equal(3, GitHub.IssuesCreated);
        Assert.Equal(2, GitHub.RequestsTo("POST", Path(tracking.Number)).Count);
        second.AssertLogsAreClean();
    }

    // The first attach reached GitHub and the bot died before the answer: it must not be sent again blindly (GitHub
    // would answer 422, a duplicate) but found by listing the parent's sub-issues.
    [Fact]
    public async Task BotKilledAfterGitHubAttachedTheFirstItem_ListsTheSubIssuesAndAttachesOnlyTheOther()
    {
        var kill = ProcessKill.OnAttach(attachesBeforeKill: 0);
        var first = await StartBotAsync(services: services => services.AddHttpClient(GitHubServiceCollectionExtensions.HttpClientName).AddHttpMessageHandler(kill.CreateHandler));
        using var response = await first.PostWebhookAsync("pull_request", MergedPullRequest.Seed(GitHub, 42, [QueueFile]));
        await kill.Reached.WaitAsync(ActionBotApplication.WaitLimit);
        await first.DisposeAsync();
        var tracking = Assert.Single(Repository.TrackingIssues);
        Assert.Single(Repository.SubIssues(tracking.Number));

        var second = await StartBotAsync();

        Assert.Equal(QueueOpenTitles, Repository.SubIssues(tracking.Number).Select(i => i.Title));
        Assert.Equal(2, GitHub.RequestsTo("POST", Path(tracking.Number)).Count);
        Assert.NotEmpty(GitHub.RequestsTo("GET", Path(tracking.Number)));
        Assert.DoesNotContain(GitHub.Requests, r => r.StatusCode == 422);
        Assert.Equal(3, GitHub.IssuesCreated);
        second.AssertLogsAreClean();
    }

    [Fact]
    public async Task ClosingEverySubIssue_ClosesTheTrackingIssue_AndReopeningOne_ReopensIt()
    {
        var app = await StartBotAsync();
        using var merged = await app.PostWebhookAsync("pull_request", MergedPullRequest.Seed(GitHub, 42, [QueueFile]));
        await app.DrainAsync();
        var tracking = Assert.Single(Repository.TrackingIssues);
        var items = Repository.ActionItemIssues;

        await IssueClosing.CloseByWebhookAsync(app, items[0].Number);
        Assert.Equal("open", Repository.Issue(tracking.Number)!.State);
        await IssueClosing.CloseByWebhookAsync(app, items[1].Number);
        var closed = Repository.Issue(tracking.Number)!;
        Assert.Equal("closed", closed.State);
        Assert.Equal("completed", closed.StateReason);

        await IssueClosing.ReopenByWebhookAsync(app, items[0].Number);
        Assert.Equal("open", Repository.Issue(tracking.Number)!.State);

        // The bot's one close and one reopen of the tracking issue; the other three state changes are the person's own.
        var stateChanges = GitHub.Requests.Where(r => r.Method == "PATCH" && r.Body.Contains("\"state\"", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, stateChanges.Count(r => r.Path == $"/repos/{ActionBotApplication.Repository}/issues/{tracking.Number}"));
        Assert.Equal(5, stateChanges.Count);
        app.AssertLogsAreClean();
    }

    /// <summary>
    /// The GitHub calls of one postmortem of n open items, from the delivery to the last attach: at most 2n + 4, of
    /// which n + 1 creates (the items and the tracking issue) and n attaches. Measured on a repository whose labels
    /// exist (the first postmortem also creates them, once per repository).
    /// </summary>
    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(20)]
    public async Task APostmortemOfNItems_TakesAtMostTwoNPlusFourGitHubCalls(int n)
    {
        var app = await StartBotAsync();
        using var first = await app.PostWebhookAsync("pull_request", MergedPullRequest.Seed(GitHub, 500, [QueueFile]));
        await app.DrainAsync();
        var labelsFirstTime = GitHub.Requests.Count(r => r.Path.Contains("/labels", StringComparison.Ordinal));
        GitHub.ClearRequests();

        using var second = await app.PostWebhookAsync("pull_request", MergedPullRequest.Seed(GitHub, 501, [Generated(n)]));
        await app.DrainAsync();

        var calls = GitHub.Requests;
        var creates = calls.Count(r => r.Method == "POST" && r.Path.EndsWith("/issues", StringComparison.Ordinal));
        var attaches = calls.Count(r => r.Method == "POST" && r.Path.EndsWith("/sub_issues", StringComparison.Ordinal));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"n={n}: {calls.Count} calls ({creates} creates, {attaches} attaches, {calls.Count - creates - attaches} others: {string.Join(", ", calls.Where(r => !r.Path.EndsWith("/issues", StringComparison.Ordinal) && !r.Path.EndsWith("/sub_issues", StringComparison.Ordinal)).Select(r => $"{r.Method} {r.Path}"))}); the first postmortem's label calls: {labelsFirstTime}"));
        Assert.Equal(n + 1, creates);
        Assert.Equal(n, attaches);
        Assert.InRange(calls.Count, 2 * n + 1, 2 * n + 4);
        app.AssertLogsAreClean();
    }

    private static PostmortemFile Generated(int n)
    {
        var markdown = new StringBuilder("# Database failover drill (April 2, 2025)\n\n## Action items\n\n");
        for (var i = 1; i <= n; i++)
        {
            markdown.Append(CultureInfo.InvariantCulture, $"- [ ] Automate failover step {i} of the primary database\n");
        }

        return new PostmortemFile("postmortems/2025-04-02-failover.md", markdown.ToString());
    }
}
