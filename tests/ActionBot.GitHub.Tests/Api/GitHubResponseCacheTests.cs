using Octokit;

namespace ActionBot.GitHub.Tests.Api;

/// <summary>Octokit's response cache, ours behind it: a list polled again unchanged is a 304, answered from the cache.</summary>
public sealed class GitHubResponseCacheTests
{
    [Fact]
    public async Task AnIssueListPolledAgainUnchanged_IsA304_ThatCostsNoRateLimit()
    {
        await using var harness = await GitHubApiHarness.StartAsync();
        harness.Repository.AddIssue("First item", labels: ["action-item"]);
        var query = new RepositoryIssueRequest { State = ItemStateFilter.All };
        query.Labels.Add("action-item");

        var first = await harness.Client.Issue.GetAllForRepository("acme", "ops", query);
        var usedAfterFirst = harness.GitHub.RateLimitUsed;
        var second = await harness.Client.Issue.GetAllForRepository("acme", "ops", query);

        Assert.Equal(first.Select(i => (i.Number, i.Title, i.UpdatedAt)), second.Select(i => (i.Number, i.Title, i.UpdatedAt)));
        Assert.Equal(1, harness.GitHub.NotModifiedResponses);
        Assert.Equal(usedAfterFirst, harness.GitHub.RateLimitUsed);
        var polls = harness.GitHub.RequestsTo("GET", "/repos/acme/ops/issues");
        Assert.False(polls[0].Headers.ContainsKey("If-None-Match"));
        Assert.Equal(304, polls[1].StatusCode);

        await harness.Client.Issue.Update("acme", "ops", 1, new IssueUpdate { Title = "Renamed item" });
        var third = await harness.Client.Issue.GetAllForRepository("acme", "ops", query);

        Assert.Equal("Renamed item", Assert.Single(third).Title);
        Assert.Equal(1, harness.GitHub.NotModifiedResponses);
    }

    [Fact]
    public async Task RawFiles_AreNeverCached()
    {
        await using var harness = await GitHubApiHarness.StartAsync();
        harness.Repository.AddFile("aaa111", "postmortems/a.md", "# A");

        await harness.Files.ReadFileAsync(GitHubApiHarness.Repo, "postmortems/a.md", "aaa111", CancellationToken.None);
        await harness.Files.ReadFileAsync(GitHubApiHarness.Repo, "postmortems/a.md", "aaa111", CancellationToken.None);

        Assert.All(harness.GitHub.RequestsTo("GET", "/repos/acme/ops/contents/"), r => Assert.False(r.Headers.ContainsKey("If-None-Match")));
        Assert.Equal(0, harness.GitHub.NotModifiedResponses);
    }
}
