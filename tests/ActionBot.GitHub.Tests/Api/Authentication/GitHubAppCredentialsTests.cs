using System.Security.Cryptography;
using ActionBot.Testing;
using Octokit;

namespace ActionBot.GitHub.Tests.Api.Authentication;

public sealed class GitHubAppCredentialsTests
{

    [Fact]
    public async Task AnApp_ExchangesASignedJwtForAnInstallationToken_AndReusesIt()
    {
        await using var harness = await GitHubApiHarness.StartAsync(new FakeTimeProvider(), GitHubApiHarness.UseApp);
        var app = harness.GitHub.App!;

        await harness.Client.Repository.Get("acme", "ops");
        await harness.Client.Repository.Get("acme", "ops");

        Assert.Equal(1, app.TokenExchanges);
        Assert.Equal(0, app.RejectedJwts);
        var exchange = Assert.Single(harness.GitHub.RequestsTo("POST", $"/app/installations/{app.InstallationId}/access_tokens"));
        Assert.StartsWith("Bearer eyJ", exchange.Headers["Authorization"], StringComparison.Ordinal);
        var token = Assert.Single(app.IssuedTokens);
        Assert.All(harness.GitHub.RequestsTo("GET", "/repos/"), r => Assert.Equal($"Bearer {token}", r.Headers["Authorization"]));
    }

    [Fact]
    public async Task TheInstallationToken_IsCachedAndRenewedFiveMinutesBeforeItExpires()
    {
        var clock = new FakeTimeProvider();
        await using var harness = await GitHubApiHarness.StartAsync(clock, GitHubApiHarness.UseApp);
        var app = harness.GitHub.App!;
        app.TokenLifetime = TimeSpan.FromHours(1);

        await harness.Client.Repository.Get("acme", "ops");
        clock.Advance(TimeSpan.FromMinutes(54));
        await harness.Client.Repository.Get("acme", "ops");
        Assert.Equal(1, app.TokenExchanges);

        clock.Advance(TimeSpan.FromMinutes(2));
        await harness.Client.Repository.Get("acme", "ops");
        Assert.Equal(2, app.TokenExchanges);

        clock.Advance(TimeSpan.FromHours(2)); // long past expiry: renewed, never sent stale
        await harness.Client.Repository.Get("acme", "ops");
        Assert.Equal(3, app.TokenExchanges);
        Assert.DoesNotContain(harness.GitHub.Requests, r => r.StatusCode == 401);
    }

    [Fact]
    public async Task ATokenRefusedWith401_IsRenewedAtOnce_AndTheCallSucceeds()
    {
        await using var harness = await GitHubApiHarness.StartAsync(new FakeTimeProvider(), GitHubApiHarness.UseApp);
        var app = harness.GitHub.App!;
        await harness.Client.Repository.Get("acme", "ops");
        app.RevokeTokens();

        var issue = await harness.Client.Issue.Create("acme", "ops", new NewIssue("Rotate the keys"));

        Assert.Equal(1, issue.Number);
        Assert.Equal(2, app.TokenExchanges);
        Assert.Equal([401, 201], harness.GitHub.RequestsTo("POST", "/repos/acme/ops/issues").Select(r => r.StatusCode));
        Assert.Equal(1, harness.GitHub.IssuesCreated);
    }

    [Fact]
    public async Task AJwtSignedWithAnotherKey_IsRefused_AsAnAuthenticationFailure()
    {
        await using var harness = await GitHubApiHarness.StartAsync(new FakeTimeProvider(), (github, values) =>
        {
            GitHubApiHarness.UseApp(github, values);
            using var stranger = RSA.Create(2048);
            var path = Path.Combine(Path.GetTempPath(), $"actionbot-stranger-{Guid.NewGuid():N}.pem");
            File.WriteAllText(path, stranger.ExportRSAPrivateKeyPem());
            values["ActionBot:GitHub:PrivateKeyPath"] = path;
        });

        await Assert.ThrowsAsync<AuthorizationException>(() => harness.Client.Repository.Get("acme", "ops"));

        Assert.Equal(0, harness.GitHub.App!.TokenExchanges);
        Assert.True(harness.GitHub.App.RejectedJwts >= 1);
        Assert.Empty(harness.GitHub.RequestsTo("GET", "/repos/"));
    }

    [Fact]
    public async Task TheTokenExchange_IsRetriedAfterAServerError()
    {
        await using var harness = await GitHubApiHarness.StartAsync(new FakeTimeProvider(), GitHubApiHarness.UseApp);
        harness.GitHub.Faults.Enqueue(Testing.GitHub.FakeFault.BadGateway);

        await harness.Client.Repository.Get("acme", "ops");

        Assert.Equal([502, 201], harness.GitHub.RequestsTo("POST", "/app/").Select(r => r.StatusCode));
    }

    [Fact]
    public async Task NeitherTokensNorJwts_EverAppearInTheLogs()
    {
        await using var byToken = await GitHubApiHarness.StartAsync();
        await byToken.Client.Repository.Get("acme", "ops");
        await Assert.ThrowsAsync<NotFoundException>(() => byToken.Client.Issue.Get("acme", "ops", 404));

        await using var byApp = await GitHubApiHarness.StartAsync(new FakeTimeProvider(), GitHubApiHarness.UseApp);
        await byApp.Client.Repository.Get("acme", "ops");
        byApp.GitHub.App!.RevokeTokens();
        await byApp.Client.Repository.Get("acme", "ops");

        var secrets = byApp.GitHub.App.IssuedTokens.Append(FakeGitHubServerToken).ToList();
        var jwts = byApp.GitHub.RequestsTo("POST", "/app/").Select(r => r.Headers["Authorization"]["Bearer ".Length..]);
        var entries = byToken.Logs.Entries.Concat(byApp.Logs.Entries).ToList();
        Assert.NotEmpty(entries);
        Assert.Contains(entries, e => e.Category.StartsWith("System.Net.Http.HttpClient", StringComparison.Ordinal)); // headers were logged, redacted
        foreach (var secret in secrets.Concat(jwts))
        {
            Assert.DoesNotContain(entries, e => e.FullText.Contains(secret, StringComparison.Ordinal));
        }

        Assert.DoesNotContain(entries, e => e.FullText.Contains("eyJ", StringComparison.Ordinal));
    }

    private static string FakeGitHubServerToken => Testing.GitHub.FakeGitHubServer.DefaultToken;
}
