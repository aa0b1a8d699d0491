using ActionBot.GitHub.Api.Handlers;
using ActionBot.Testing.GitHub;
using Octokit;

namespace ActionBot.GitHub.Tests.Api.Handlers;

public sealed class GitHubAuthorizationHandlerTests
{
    [Fact]
    public async Task EveryRequest_CarriesTheTokenTheApiVersionAndAUserAgent()
    {
        await using var harness = await GitHubApiHarness.StartAsync();

        await harness.Client.Repository.Get("acme", "ops");

        var headers = Assert.Single(harness.GitHub.Requests).Headers;
        Assert.Equal($"Bearer {FakeGitHubServer.DefaultToken}", headers["Authorization"]);
        Assert.Equal(GitHubAuthorizationHandler.ApiVersion, headers["X-GitHub-Api-Version"]);
        Assert.StartsWith("ActionBot/1.0", headers["User-Agent"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWrongToken_IsAnAuthorizationException_AfterOneRequest()
    {
        await using var harness = await GitHubApiHarness.StartAsync(settings: (_, values) => values["ActionBot:GitHub:Token"] = "ghp_wrong");

        await Assert.ThrowsAsync<AuthorizationException>(() => harness.Client.Repository.Get("acme", "ops"));
        Assert.Single(harness.GitHub.Requests); // a fixed token is not worth a second try
    }
}
