using System.Net;
using ActionBot.GitHub.Api.Handlers;
using ActionBot.Testing.GitHub;
using Octokit;

namespace ActionBot.GitHub.Tests.Api.Handlers;

/// <summary>Transient failures are repeated for reads and for writes that cannot duplicate, never for an issue creation.</summary>
public sealed class GitHubRetryHandlerTests
{
    [Fact]
    public async Task ServerErrors_OnAGet_AreRetried()
    {
        await using var harness = await GitHubApiHarness.StartAsync();
        harness.GitHub.Faults.Enqueue(FakeFault.InternalServerError);
        harness.GitHub.Faults.Enqueue(FakeFault.BadGateway);

        var repository = await harness.Client.Repository.Get("acme", "ops");

        Assert.Equal("main", repository.DefaultBranch);
        Assert.Equal([500, 502, 200], harness.GitHub.Requests.Select(r => r.StatusCode));
        Assert.Equal(2, harness.Logs.Entries.Count(e => e.EventId.Id == 1011));
    }

    [Fact]
    public async Task ServerErrors_BeyondTheRetryAttempts_ReachTheCaller()
    {
        await using var harness = await GitHubApiHarness.StartAsync(settings: (_, values) => values["ActionBot:GitHub:MaxRetryAttempts"] = "2");
        harness.GitHub.Faults.Enqueue(FakeFault.BadGateway, 3);

        var error = await Assert.ThrowsAsync<ApiException>(() => harness.Client.Repository.Get("acme", "ops"));

        Assert.Equal(HttpStatusCode.BadGateway, error.StatusCode);
        Assert.Equal(3, harness.GitHub.Requests.Count);
    }

    [Fact]
    public async Task AnIdempotentWrite_IsRetried()
    {
        await using var harness = await GitHubApiHarness.StartAsync();
        var seeded = harness.Repository.AddIssue("Rotate the keys");
        harness.GitHub.Faults.Enqueue(FakeFault.BadGateway);

        var updated = await harness.Client.Issue.Update("acme", "ops", seeded.Number, new IssueUpdate { Body = "new body" });

        Assert.Equal("new body", updated.Body);
        Assert.Equal([502, 200], harness.GitHub.RequestsTo("PATCH", "/repos/acme/ops/issues/1").Select(r => r.StatusCode));
    }

    [Fact]
    public async Task ServerError_OnAnIssueCreation_IsNotRetried_ForGitHubMayHaveActed()
    {
        await using var harness = await GitHubApiHarness.StartAsync();
        harness.GitHub.Faults.Enqueue(FakeFault.InternalServerError);

        var error = await Assert.ThrowsAsync<ApiException>(() => harness.Client.Issue.Create("acme", "ops", new NewIssue("Rotate the keys")));

        Assert.Equal(HttpStatusCode.InternalServerError, error.StatusCode);
        Assert.Single(harness.GitHub.RequestsTo("POST", "/repos/acme/ops/issues"));
    }

    [Fact]
    public async Task IssueCreatedThenAnswerFailed_ReachesTheCaller_WithoutASecondPost()
    {
        await using var harness = await GitHubApiHarness.StartAsync();
        harness.GitHub.Faults.CreateThenFail();

        var error = await Assert.ThrowsAsync<ApiException>(() => harness.Client.Issue.Create("acme", "ops", new NewIssue("Rotate the keys")));

        Assert.Equal(HttpStatusCode.BadGateway, error.StatusCode);
        Assert.Single(harness.GitHub.RequestsTo("POST", "/repos/acme/ops/issues"));
        Assert.Single(harness.Repository.Issues); // the caller's exactly-once logic must find this one
    }

    [Fact]
    public async Task IssueCreatedThenConnectionDropped_ReachesTheCaller_WithoutASecondPost()
    {
        await using var harness = await GitHubApiHarness.StartAsync();
        harness.GitHub.Faults.CreateThenFailWith = FakeAfterCreateFailure.ConnectionReset;
        harness.GitHub.Faults.CreateThenFail();

        await Assert.ThrowsAsync<HttpRequestException>(() => harness.Client.Issue.Create("acme", "ops", new NewIssue("Rotate the keys")));

        Assert.Single(harness.GitHub.RequestsTo("POST", "/repos/acme/ops/issues"));
        Assert.Equal(1, harness.GitHub.IssuesCreated);
    }

    public static TheoryData<Exception, bool, bool> Failures => new()
    {
        { new HttpRequestException(HttpRequestError.ConnectionError, "refused"), false, true },
        { new HttpRequestException(HttpRequestError.NameResolutionError, "no such host"), false, true },
        { new HttpRequestException(HttpRequestError.ResponseEnded, "reset"), false, false },
        { new HttpRequestException(HttpRequestError.ResponseEnded, "reset"), true, true },
        { new TimeoutException(), false, false },
        { new TimeoutException(), true, true },
        { new InvalidOperationException(), true, false },
        { new OperationCanceledException(), true, false },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public void Failures_AreRepeatedOnlyWhenGitHubProvablyDidNotActOrRepeatingIsHarmless(Exception failure, bool mayRepeat, bool repeated)
    {
        Assert.Equal(repeated, GitHubRetryHandler.IsTransient(failure, mayRepeat));
    }
}
