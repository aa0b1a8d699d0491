using ActionBot.GitHub.Api;
using ActionBot.GitHub.Content;
using ActionBot.GitHub.Tracking;
using ActionBot.Testing;
using ActionBot.Testing.GitHub;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Octokit;

namespace ActionBot.GitHub.Tests.Api;

/// <summary>
/// A fake GitHub on loopback and the Octokit client (with our handler chain) built by
/// <see cref="GitHubServiceCollectionExtensions.AddGitHubApi"/> against it, with zero waits (or a fake clock) and every log entry captured.
/// </summary>
internal sealed class GitHubApiHarness : IAsyncDisposable
{
    public static readonly GitHubRepoName Repo = GitHubRepoName.Parse("acme/ops");

    private GitHubApiHarness(FakeGitHubServer github, ServiceProvider services, InMemoryLoggerProvider logs, FakeTimeProvider? clock)
    {
        GitHub = github;
        Services = services;
        Logs = logs;
        Clock = clock;
        Client = services.GetRequiredService<IGitHubClient>();
        Files = new OctokitRepositoryFiles(Client);
        Tracker = new GitHubIssueTracker(Client, services.GetRequiredService<ILogger<GitHubIssueTracker>>());
    }

    public FakeGitHubServer GitHub { get; }

    public FakeRepository Repository => GitHub.Repository(Repo.FullName);

    public ServiceProvider Services { get; }

    public InMemoryLoggerProvider Logs { get; }

    public FakeTimeProvider? Clock { get; }

    public IGitHubClient Client { get; }

    public IRepositoryFiles Files { get; }

    public GitHubIssueTracker Tracker { get; }

    /// <summary>Starts the fake with one repository, <c>acme/ops</c>, and a client authenticated by token unless <paramref name="settings"/> say otherwise.</summary>
    public static async Task<GitHubApiHarness> StartAsync(
        FakeTimeProvider? clock = null,
        Action<FakeGitHubServer, Dictionary<string, string?>>? settings = null,
        Action<IServiceCollection>? services = null)
    {
        var github = await FakeGitHubServer.StartAsync(clock);
        github.AddRepository(Repo.FullName);

        var values = new Dictionary<string, string?>
        {
            ["ActionBot:GitHub:ApiBaseUrl"] = github.BaseAddress.AbsoluteUri,
            ["ActionBot:GitHub:Token"] = FakeGitHubServer.DefaultToken,
            ["ActionBot:GitHub:MinimumWriteInterval"] = "00:00:00",
            ["ActionBot:GitHub:RetryBaseDelay"] = "00:00:00",
            ["ActionBot:GitHub:MaxRetryAttempts"] = "4",
            ["ActionBot:GitHub:UncertainWritePause"] = "00:00:00",

            // Under a fake clock a time-out timer would fire whenever a test moves the clock; real time bounds the tests instead.
            ["ActionBot:GitHub:RequestTimeout"] = clock is null ? "00:00:30" : "00:00:00",
        };
        settings?.Invoke(github, values);

        var logs = new InMemoryLoggerProvider();
        var collection = new ServiceCollection();
        collection.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        if (clock is not null)
        {
            collection.AddSingleton<TimeProvider>(clock);
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        collection.AddGitHubApi(configuration);
        services?.Invoke(collection);
        var provider = collection.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        return new GitHubApiHarness(github, provider, logs, clock);
    }

    /// <summary>Settings that authenticate as the fake's GitHub App instead of by token.</summary>
    public static void UseApp(FakeGitHubServer github, Dictionary<string, string?> values)
    {
        var app = github.App ?? github.EnableApp();
        values["ActionBot:GitHub:Token"] = null;
        values["ActionBot:GitHub:AppId"] = app.AppId;
        values["ActionBot:GitHub:PrivateKeyPath"] = app.WritePrivateKeyFile();
        values["ActionBot:GitHub:InstallationId"] = app.InstallationId.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Adds <paramref name="handler"/> under the chain, where the network is (a test's stand-in for a stall or a drop).</summary>
    public static Action<IServiceCollection> Network(Func<DelegatingHandler> handler) =>
        services => services.AddHttpClient(GitHubServiceCollectionExtensions.HttpClientName).AddHttpMessageHandler(handler);

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await GitHub.DisposeAsync();
    }
}
