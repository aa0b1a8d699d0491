using ActionBot.GitHub.Api;
using ActionBot.GitHub.Api.Authentication;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ActionBot.GitHub.Tests.Api;

public sealed class GitHubOptionsTests
{
    [Fact]
    public void ATokenAlone_IsAValidConfiguration_WithTheDocumentedDefaults()
    {
        var options = Bind(new() { ["Token"] = "ghp_x", ["Repositories:0:Name"] = "acme/ops" });

        Assert.Equal(new Uri("https://api.github.com/"), options.ApiBaseUrl);
        Assert.Equal(TimeSpan.FromSeconds(1), options.MinimumWriteInterval);
        Assert.Equal(4, options.MaxRetryAttempts);
        Assert.Equal(TimeSpan.FromMinutes(15), options.MaxRateLimitWait);
        Assert.Equal(TimeSpan.FromSeconds(30), options.RequestTimeout);
        Assert.Equal(TimeSpan.FromSeconds(2), options.UncertainWritePause);
        var repository = Assert.Single(options.Repositories);
        Assert.Equal(["postmortems/**/*.md"], repository.PostmortemPaths);
        Assert.Equal("acme/ops", repository.IssueRepository);
        Assert.Null(repository.DiscordChannelId);
    }

    [Fact]
    public void ConfiguredPostmortemPaths_ReplaceTheDefault()
    {
        var options = Bind(new()
        {
            ["Token"] = "ghp_x",
            ["Repositories:0:Name"] = "acme/ops",
            ["Repositories:0:PostmortemPaths:0"] = "docs/incidents/*.md",
            ["Repositories:0:IssueRepository"] = "acme/tracker",
            ["Repositories:0:DiscordChannelId"] = "123456789012345678",
        });

        var repository = Assert.Single(options.Repositories);
        Assert.Equal(["docs/incidents/*.md"], repository.PostmortemPaths);
        Assert.Equal("acme/tracker", repository.IssueRepository);
        Assert.Equal(123456789012345678UL, repository.DiscordChannelId);
    }

    [Fact]
    public void AnApiRootWithoutATrailingSlash_GetsOne_SoThatRoutesKeepItsPath()
    {
        var options = Bind(new() { ["Token"] = "ghp_x", ["ApiBaseUrl"] = "https://ghe.example.com/api/v3" });

        Assert.Equal("https://ghe.example.com/api/v3/", options.ApiBaseUrl.AbsoluteUri);
    }

    [Theory]
    [InlineData("Token", null, "ActionBot:GitHub:Token is required")]
    [InlineData("AppId", "1", "ActionBot:GitHub:PrivateKeyPath is required")]
    [InlineData("InstallationId", "7", "ActionBot:GitHub:AppId is required")]
    [InlineData("MaxRetryAttempts", "99", "ActionBot:GitHub:MaxRetryAttempts must be between 0 and 10")]
    [InlineData("MinimumWriteInterval", "00:05:00", "ActionBot:GitHub:MinimumWriteInterval")]
    [InlineData("ApiBaseUrl", "ftp://example.com/", "ActionBot:GitHub:ApiBaseUrl must be an absolute http(s) URL")]
    public void AnInvalidSetting_IsReportedByItsKey(string key, string? value, string expected)
    {
        var settings = new Dictionary<string, string?> { ["Token"] = key is "AppId" or "InstallationId" or "Token" ? null : "ghp_x", [key] = value };

        var error = Assert.Throws<OptionsValidationException>(() => Bind(settings));

        Assert.Contains(error.Failures, f => f.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void ARepositoryThatIsNotOwnerSlashName_IsReportedWithItsIndex()
    {
        var error = Assert.Throws<OptionsValidationException>(() => Bind(new()
        {
            ["Token"] = "ghp_x",
            ["Repositories:0:Name"] = "acme/ops",
            ["Repositories:1:Name"] = "just-a-name",
            ["Repositories:2:Name"] = "acme/web",
            ["Repositories:2:IssueRepository"] = "https://github.com/acme/web",
        }));

        Assert.Contains(error.Failures, f => f.StartsWith("ActionBot:GitHub:Repositories:1:Name", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.StartsWith("ActionBot:GitHub:Repositories:2:IssueRepository", StringComparison.Ordinal));
        Assert.Equal(2, error.Failures.Count());
    }

    [Fact]
    public void ATokenAndAnApp_AreReportedAsConflicting()
    {
        var error = Assert.Throws<OptionsValidationException>(() => Bind(new() { ["Token"] = "ghp_x", ["AppId"] = "1" }));

        Assert.Contains(error.Failures, f => f.Contains("alternatives", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AHostWithoutGitHubCredentials_DoesNotStart()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddLogging(logging => logging.ClearProviders());
        builder.Services.AddGitHubApi(builder.Configuration);
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(error.Failures, f => f.Contains("ActionBot:GitHub:Token", StringComparison.Ordinal));
    }

    [Fact]
    public void TheRegistrations_PassValidateOnBuildAndValidateScopes()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddGitHubApi(Configuration(new() { ["Token"] = "ghp_x" }));

        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        Assert.NotNull(provider.GetRequiredService<Octokit.IGitHubClient>());
        Assert.IsType<GitHubTokenCredentials>(provider.GetRequiredService<IGitHubCredentials>());
    }

    private static GitHubOptions Bind(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection().AddLogging();
        services.AddGitHubApi(Configuration(settings));
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IOptions<GitHubOptions>>().Value;
    }

    private static IConfiguration Configuration(Dictionary<string, string?> settings) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => KeyValuePair.Create($"{GitHubOptions.SectionName}:{s.Key}", s.Value)))
            .Build();
}
