using System.Net;
using ActionBot.GitHub.Api;
using ActionBot.GitHub.Api.Authentication;
using ActionBot.GitHub.Api.Handlers;
using ActionBot.Testing.GitHub;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
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

    [Theory]
    [InlineData("https://ghe.example.com/api/v3/repos/acme/ops", true)]
    [InlineData("https://objects.example.net/acme/ops/file.md", false)]
    [InlineData("http://ghe.example.com/api/v3/repos/acme/ops", false)]
    public async Task Credentials_go_only_to_the_configured_api_host(string url, bool authorized)
    {
        var network = new Recorder();
        var options = Options.Create(new GitHubOptions { ApiBaseUrl = new Uri("https://ghe.example.com/api/v3/") });
        using var handler = new GitHubAuthorizationHandler(new GitHubTokenCredentials("ghp_secret"), options, NullLogger<GitHubAuthorizationHandler>.Instance)
        {
            InnerHandler = network,
        };
        using var invoker = new HttpMessageInvoker(handler);
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "ghp_secret");

        using var response = await invoker.SendAsync(request, CancellationToken.None);

        Assert.Equal(authorized ? "Bearer ghp_secret" : null, network.Authorization);
    }

    private sealed class Recorder : HttpMessageHandler
    {
        public string? Authorization { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Authorization = request.Headers.Authorization?.ToString();
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK));
        }
    }
}
