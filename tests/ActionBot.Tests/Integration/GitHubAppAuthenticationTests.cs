using System.Globalization;
using ActionBot.Testing;
using ActionBot.Testing.GitHub;
using ActionBot.Tests.Infrastructure;

namespace ActionBot.Tests.Integration;

/// <summary>The bot authenticated as a GitHub App installation, on a clock the test moves.</summary>
public sealed class GitHubAppAuthenticationTests : IntegrationTest
{
    public GitHubAppAuthenticationTests() => Clock = new FakeTimeProvider();

    [Fact]
    public async Task InstallationTokenNearItsExpiry_IsExchangedAgainAndIssuesStillOpen()
    {
        var installation = GitHub.EnableApp();
        installation.TokenLifetime = TimeSpan.FromMinutes(10);
        var app = await StartBotAsync(settings => AuthenticateAsApp(settings, installation));
        using var first = await app.PostWebhookAsync("pull_request", MergedPullRequest.Seed(GitHub, 42, [SamplePostmortems.QueueFile]));
        await app.DrainAsync();
        Assert.Equal(1, installation.TokenExchanges);
        Assert.Equal(2, Repository.ActionItemIssues.Count);

        // Four minutes left: inside the renewal margin, so the next call must not use this token.
        Clock!.Advance(TimeSpan.FromMinutes(6));
        using var second = await app.PostWebhookAsync("pull_request", MergedPullRequest.Seed(GitHub, 60, [SamplePostmortems.CacheFile]));
        await app.DrainAsync();

        Assert.Equal(2, installation.TokenExchanges);
        Assert.Equal(0, installation.RejectedJwts);
        Assert.Equal(5, Repository.ActionItemIssues.Count);
        Assert.DoesNotContain(GitHub.Requests, r => r.StatusCode == 401);
        // Every issue create and sub-issue attach: the queue postmortem's two issues, its tracking issue and two attaches first.
        var creates = GitHub.RequestsTo("POST", $"/repos/{ActionBotApplication.Repository}/issues");
        var tokens = creates.Select(r => r.Headers["Authorization"]).Distinct().ToList();
        Assert.Equal(2, tokens.Count);
        Assert.All(tokens, t => Assert.Contains(t["Bearer ".Length..], installation.IssuedTokens));
        Assert.Equal(5 + 2 + 5, creates.Count);
        Assert.All(creates.Take(5), r => Assert.Equal(tokens[0], r.Headers["Authorization"]));
        Assert.All(creates.Skip(5), r => Assert.Equal(tokens[1], r.Headers["Authorization"]));
        Assert.Equal(5, (await app.GetItemsAsync("open")).Count(i => i.IssueNumber is not null));
        app.AssertLogsAreClean();
    }

    private static void AuthenticateAsApp(Dictionary<string, string?> settings, FakeGitHubApp installation)
    {
        settings.Remove("ActionBot:GitHub:Token");
        settings["ActionBot:GitHub:AppId"] = installation.AppId;
        settings["ActionBot:GitHub:PrivateKeyPath"] = installation.WritePrivateKeyFile();
        settings["ActionBot:GitHub:InstallationId"] = installation.InstallationId.ToString(CultureInfo.InvariantCulture);
    }
}
