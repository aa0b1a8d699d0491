using System.Text.Json;
using ActionBot.GitHub.Webhooks.Payloads;
using ActionBot.Testing.GitHub.Webhooks;

namespace ActionBot.GitHub.Tests.Webhooks;

// The payload records against the builders' GitHub-shaped bodies: snake_case names, nested objects, nulls.
public sealed class WebhookJsonContextTests
{
    [Fact]
    public void PullRequestEvent_ReadsTheFieldsTheBotUses()
    {
        var body = new PullRequestEventBuilder().InRepository("acme/services").WithNumber(9).WithInstallation(4242).Build();

        var e = JsonSerializer.Deserialize(body, WebhookJsonContext.Default.PullRequestEvent)!;

        Assert.Equal("closed", e.Action);
        Assert.Equal(9, e.Number);
        Assert.True(e.PullRequest.Merged);
        Assert.NotNull(e.PullRequest.MergedAt);
        Assert.Equal("9c1e3f5a7b2d4c6e8f0a1b3c5d7e9f1a2b4c6d8e", e.PullRequest.MergeCommitSha);
        Assert.Equal("dana", e.PullRequest.User.Login);
        Assert.Equal("main", e.PullRequest.Base.Ref);
        Assert.Equal(new RepositoryPayload("acme/services", "main"), e.PullRequest.Base.Repo);
        Assert.Equal(40, e.PullRequest.Head.Sha.Length);
        Assert.Equal(new RepositoryPayload("acme/services", "main"), e.Repository);
        Assert.Equal(4242, e.Installation?.Id);
    }

    [Fact]
    public void PushEvent_ReadsCommitsAndTheirPaths()
    {
        var body = new PushEventBuilder().WithCommit(id: "c1", added: ["a.md"], modified: ["b.md"], removed: ["c.md"]).By("sam").Build();

        var e = JsonSerializer.Deserialize(body, WebhookJsonContext.Default.PushEvent)!;

        Assert.Equal("refs/heads/main", e.Ref);
        var commit = Assert.Single(e.Commits);
        Assert.Equal(("c1", "a.md", "b.md", "c.md"), (commit.Id, commit.Added.Single(), commit.Modified.Single(), commit.Removed.Single()));
        Assert.Equal("c1", e.HeadCommit?.Id);
        Assert.Equal("sam", e.Pusher?.Name);
        Assert.Equal("sam", e.Sender?.Login);
    }

    [Fact]
    public void BranchDeletion_HasNoHeadCommit()
    {
        var e = JsonSerializer.Deserialize(new PushEventBuilder().Deleting().Build(), WebhookJsonContext.Default.PushEvent)!;

        Assert.Null(e.HeadCommit);
        Assert.Empty(e.Commits);
    }

    [Fact]
    public void IssuesEvent_ReadsStateLabelsAndAssignees()
    {
        var closedAt = new DateTimeOffset(2025, 2, 1, 9, 0, 0, TimeSpan.Zero);
        var body = new IssuesEventBuilder().WithNumber(12).WithLabels("action-item", "P1").WithAssignees("dana", "sam").ClosedAt(closedAt).WithBody(null).Build();

        var e = JsonSerializer.Deserialize(body, WebhookJsonContext.Default.IssuesEvent)!;

        Assert.Equal("closed", e.Action);
        Assert.Equal(12, e.Issue.Number);
        Assert.Equal("closed", e.Issue.State);
        Assert.Null(e.Issue.Body);
        Assert.Equal(["action-item", "P1"], e.Issue.Labels.Select(l => l.Name));
        Assert.Equal(["dana", "sam"], e.Issue.Assignees.Select(a => a.Login));
        Assert.Equal(closedAt, e.Issue.ClosedAt);
        Assert.Equal("https://github.com/acme/action-items/issues/12", e.Issue.HtmlUrl);
    }

    [Fact]
    public void PingEvent_ReadsZenAndHookId()
    {
        var e = JsonSerializer.Deserialize(new PingEventBuilder().WithHookId(99).Build(), WebhookJsonContext.Default.PingEvent)!;

        Assert.Equal(new PingEvent("Design for failure.", 99), e);
    }

    [Fact]
    public void MissingRequiredField_FailsToDeserialize()
    {
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("""{"zen":"z"}"""u8, WebhookJsonContext.Default.PingEvent));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("""{"zen":null,"hook_id":1}"""u8, WebhookJsonContext.Default.PingEvent));
    }

    [Fact]
    public void MergedPullRequestPayload_IsAboutGitHubsSize()
    {
        Assert.InRange(new PullRequestEventBuilder().Build().Length, 15_000, 40_000);
    }
}
