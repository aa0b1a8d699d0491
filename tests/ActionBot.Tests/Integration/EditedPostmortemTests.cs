using ActionBot.Core.Tracking;
using ActionBot.Tests.Infrastructure;
using static ActionBot.Tests.Infrastructure.SamplePostmortems;

namespace ActionBot.Tests.Integration;

/// <summary>A postmortem merged again after an edit: issues follow their items rather than being opened afresh.</summary>
public sealed class EditedPostmortemTests : IntegrationTest
{
    [Fact]
    public async Task EditedPostmortemMergedAgain_KeepsRewordedIssues_OpensNewItems_AndCommentsOnRemovedOnes()
    {
        var app = await StartBotAsync();
        using var first = await app.PostWebhookAsync("pull_request", MergedPullRequest.Seed(GitHub, 42, [CacheFile]));
        await app.DrainAsync();
        var before = Repository.ActionItemIssues.ToDictionary(i => i.Title);
        var reworded = before["Add request coalescing to the product cache"];
        var unchanged = before["Alert when the cache hit ratio drops below 80 percent"];
        var removed = before["Document the cache warm-up procedure in the runbook"];

        using var second = await app.PostWebhookAsync("pull_request", MergedPullRequest.Seed(GitHub, 57, [new(CachePath, CacheEdited)]));
        await app.DrainAsync();

        Assert.Equal(4, Repository.ActionItemIssues.Count);
        var updated = Repository.Issue(reworded.Number)!;
        Assert.Equal("Add request coalescing to the product cache service", updated.Title);
        Assert.Equal(IssueMarker.Find(reworded.Body), IssueMarker.Find(updated.Body));
        Assert.Contains(MergedPullRequest.MergeSha(57), updated.Body);
        Assert.Single(GitHub.RequestsTo("PATCH", $"/repos/{ActionBotApplication.Repository}/issues/{reworded.Number}"));
        Assert.Empty(GitHub.RequestsTo("PATCH", $"/repos/{ActionBotApplication.Repository}/issues/{unchanged.Number}"));

        var added = Assert.Single(Repository.ActionItemIssues, i => !before.ContainsKey(i.Title) && i.Number != reworded.Number);
        Assert.Equal("Load test the storefront before each seasonal sale", added.Title);

        var stillOpen = Repository.Issue(removed.Number)!;
        Assert.Equal("open", stillOpen.State);
        var comment = Assert.Single(stillOpen.Comments);
        Assert.Contains(MergedPullRequest.HtmlUrl(57), comment.Body);

        var items = await app.GetItemsAsync("open");
        Assert.Equal(4, items.Count);
        Assert.True(Assert.Single(items, i => i.IssueNumber == removed.Number).Removed);
        int[] tracked = [reworded.Number, unchanged.Number, removed.Number, added.Number];
        Assert.Equal(tracked.Order(), items.Select(i => i.IssueNumber ?? 0).Order());

        // The tracking issue: the new item attached, the removed one still a sub-issue and struck through in its body.
        var tracking = Assert.Single(Repository.TrackingIssues);
        Assert.Equal(tracked.Order(), Repository.SubIssues(tracking.Number).Select(i => i.Number).Order());
        Assert.Contains($"~~Document the cache warm-up procedure in the runbook~~ (#{removed.Number})", tracking.Body, StringComparison.Ordinal);
        Assert.Equal(4, GitHub.RequestsTo("POST", $"/repos/{ActionBotApplication.Repository}/issues/{tracking.Number}/sub_issues").Count);
        app.AssertLogsAreClean();
    }
}
