using ActionBot.GitHub.Webhooks;
using ActionBot.Testing.GitHub.Webhooks;

namespace ActionBot.GitHub.Tests.Webhooks;

public sealed class WebhookEventRouterTests
{
    private static readonly WatchedRepository Services = new("acme/services", ["postmortems/**/*.md"], "acme/action-items");
    private static readonly WatchedRepository Payments = new("acme/payments", ["docs/incidents/*.md", "POSTMORTEM-????.md"], "acme/payments");
    private static readonly IReadOnlyList<WatchedRepository> Watched = [Services, Payments];

    [Fact]
    public void MergedPullRequest_IntoTheDefaultBranch_IsRouted()
    {
        var mergedAt = new DateTimeOffset(2025, 1, 17, 16, 5, 0, TimeSpan.Zero);
        var body = new PullRequestEventBuilder()
            .InRepository("acme/services")
            .WithNumber(314)
            .WithTitle("Postmortem: DNS resolver exhaustion")
            .WithAuthor("dana")
            .Merged("abc123def4567890abc123def4567890abc123de", mergedAt)
            .Build();

        var route = WebhookEventRouter.Route("pull_request", body, Watched);

        Assert.Equal(
            new WebhookRoute.MergedPullRequest(
                "acme/services", 314, "abc123def4567890abc123def4567890abc123de", "main",
                "Postmortem: DNS resolver exhaustion", "https://github.com/acme/services/pull/314", "dana", mergedAt),
            route);
    }

    [Fact]
    public void RepositoryName_MatchesIgnoringCase_AndTheConfiguredSpellingIsKept()
    {
        var body = new PullRequestEventBuilder().InRepository("Acme/Services").Build();

        var route = Assert.IsType<WebhookRoute.MergedPullRequest>(WebhookEventRouter.Route("pull_request", body, Watched));

        Assert.Equal("acme/services", route.Repository);
    }

    [Fact]
    public void MergedPullRequest_WithAnotherDefaultBranch_IsRouted()
    {
        var body = new PullRequestEventBuilder().InRepository("acme/payments", defaultBranch: "trunk").Build();

        var route = Assert.IsType<WebhookRoute.MergedPullRequest>(WebhookEventRouter.Route("pull_request", body, Watched));

        Assert.Equal("trunk", route.BaseRef);
    }

    [Fact]
    public void ClosedUnmergedPullRequest_IsIgnored() =>
        AssertIgnored("pull_request", new PullRequestEventBuilder().NotMerged().Build(), "not merged");

    [Fact]
    public void OpenedPullRequest_IsIgnored() =>
        AssertIgnored("pull_request", new PullRequestEventBuilder().WithAction("opened").NotMerged().Build(), "opened");

    [Fact]
    public void PullRequestMergedIntoAnotherBranch_IsIgnored() =>
        AssertIgnored("pull_request", new PullRequestEventBuilder().IntoBranch("release/1.2").Build(), "release/1.2");

    [Fact]
    public void PullRequestInAnUnwatchedRepository_IsIgnored() =>
        AssertIgnored("pull_request", new PullRequestEventBuilder().InRepository("acme/website").Build(), "acme/website");

    [Fact]
    public void DirectPush_TouchingPostmortems_IsRouted()
    {
        var body = new PushEventBuilder()
            .InRepository("acme/services")
            .Between("1111111111111111111111111111111111111111", "2222222222222222222222222222222222222222")
            .WithCommit(added: ["postmortems/2025/dns.md", "src/Program.cs"], modified: ["postmortems/checkout.md"])
            .WithCommit(modified: ["postmortems/2025/dns.md", "README.md"])
            .Build();

        var route = Assert.IsType<WebhookRoute.DirectPush>(WebhookEventRouter.Route("push", body, Watched));

        Assert.Equal("acme/services", route.Repository);
        Assert.Equal("1111111111111111111111111111111111111111", route.Before);
        Assert.Equal("2222222222222222222222222222222222222222", route.After);
        Assert.Equal(["postmortems/2025/dns.md", "postmortems/checkout.md"], route.ChangedPaths);
    }

    [Fact]
    public void DirectPush_OmitsPostmortemsRemovedByALaterCommit()
    {
        var body = new PushEventBuilder()
            .WithCommit(added: ["postmortems/draft.md", "postmortems/final.md"])
            .WithCommit(removed: ["postmortems/draft.md"])
            .Build();

        var route = Assert.IsType<WebhookRoute.DirectPush>(WebhookEventRouter.Route("push", body, Watched));

        Assert.Equal(["postmortems/final.md"], route.ChangedPaths);
    }

    [Fact]
    public void DirectPush_UsesEachRepositorysOwnGlobs()
    {
        var body = new PushEventBuilder()
            .InRepository("acme/payments")
            .WithCommit(added: ["docs/incidents/a.md", "docs/incidents/old/b.md", "POSTMORTEM-0042.md", "postmortems/c.md"])
            .Build();

        var route = Assert.IsType<WebhookRoute.DirectPush>(WebhookEventRouter.Route("push", body, Watched));

        Assert.Equal(["docs/incidents/a.md", "POSTMORTEM-0042.md"], route.ChangedPaths);
    }

    [Fact]
    public void PushNotTouchingPostmortems_IsIgnored() =>
        AssertIgnored("push", new PushEventBuilder().WithCommit(modified: ["src/Program.cs"]).Build(), "no postmortem");

    [Fact]
    public void PushOnlyRemovingPostmortems_IsIgnored() =>
        AssertIgnored("push", new PushEventBuilder().WithCommit(removed: ["postmortems/a.md"]).Build(), "no postmortem");

    [Fact]
    public void PushToAnotherBranch_IsIgnored() =>
        AssertIgnored("push", new PushEventBuilder().ToBranch("feature/x").WithCommit(added: ["postmortems/a.md"]).Build(), "refs/heads/feature/x");

    [Fact]
    public void PushOfATag_IsIgnored() =>
        AssertIgnored("push", new PushEventBuilder().WithRef("refs/tags/main").WithCommit(added: ["postmortems/a.md"]).Build(), "refs/tags/main");

    [Fact]
    public void PushDeletingTheBranch_IsIgnored() =>
        AssertIgnored("push", new PushEventBuilder().Deleting().Build(), "deleted");

    [Fact]
    public void PushToAnUnwatchedRepository_IsIgnored() =>
        AssertIgnored("push", new PushEventBuilder().InRepository("acme/website").WithCommit(added: ["postmortems/a.md"]).Build(), "acme/website");

    [Theory]
    [InlineData("closed", "closed")]
    [InlineData("reopened", "open")]
    [InlineData("assigned", "open")]
    [InlineData("unassigned", "open")]
    [InlineData("edited", "open")]
    [InlineData("deleted", "open")]
    public void IssueEvent_InAnIssueRepository_IsRouted(string action, string state)
    {
        var body = new IssuesEventBuilder().InRepository("acme/action-items").WithAction(action).WithNumber(77).WithState(state).Build();

        var route = WebhookEventRouter.Route("issues", body, Watched);

        Assert.Equal(new WebhookRoute.IssueChanged("acme/action-items", 77, action, state), route);
    }

    [Fact]
    public void IssueEvent_InAWatchedRepository_IsRouted()
    {
        var body = new IssuesEventBuilder().InRepository("acme/services").WithAction("closed").Build();

        var route = Assert.IsType<WebhookRoute.IssueChanged>(WebhookEventRouter.Route("issues", body, Watched));

        Assert.Equal("acme/services", route.IssueRepository);
    }

    [Theory]
    [InlineData("opened")]
    [InlineData("labeled")]
    [InlineData("milestoned")]
    public void IssueActionsTheBotDoesNotTrack_AreIgnored(string action) =>
        AssertIgnored("issues", new IssuesEventBuilder().WithAction(action).Build(), action);

    [Fact]
    public void IssueEvent_InAnUnrelatedRepository_IsIgnored() =>
        AssertIgnored("issues", new IssuesEventBuilder().InRepository("someone/else").Build(), "someone/else");

    [Theory]
    [InlineData("ping")]
    [InlineData("star")]
    [InlineData("issue_comment")]
    [InlineData("installation")]
    public void OtherEvents_AreIgnored(string eventName) =>
        AssertIgnored(eventName, new PingEventBuilder().Build(), eventName);

    [Theory]
    [InlineData("pull_request", """{"action":"closed"}""")]
    [InlineData("push", """{"ref":"refs/heads/main","repository":{"full_name":"acme/services"}}""")]
    [InlineData("issues", "null")]
    [InlineData("issues", """{"action":"closed","issue":{"number":"seven"},"repository":{"full_name":"acme/action-items"}}""")]
    public void PayloadMissingWhatTheBotReads_IsIgnored_NotThrown(string eventName, string json)
    {
        var route = WebhookEventRouter.Route(eventName, System.Text.Encoding.UTF8.GetBytes(json), Watched);

        Assert.IsType<WebhookRoute.Ignored>(route);
    }

    private static void AssertIgnored(string eventName, byte[] body, string reasonContains)
    {
        var route = WebhookEventRouter.Route(eventName, body, Watched);

        var ignored = Assert.IsType<WebhookRoute.Ignored>(route);
        Assert.Contains(reasonContains, ignored.Reason, StringComparison.Ordinal);
    }
}
