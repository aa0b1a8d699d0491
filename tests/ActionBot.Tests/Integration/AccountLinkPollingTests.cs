using ActionBot.Core.Identity;
using ActionBot.Core.Ports;
using ActionBot.GitHub.Identity;
using ActionBot.Storage.Sqlite;
using ActionBot.Testing;
using ActionBot.Testing.GitHub;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace ActionBot.Tests.Integration;

/// <summary>
/// How often GitHub is polled: <see cref="AccountLinking"/> over a real SQLite file and the real device-flow client
/// against the fake GitHub on loopback, on a fake clock and without a background poller, so that every poll is the
/// test's own and its time is exact.
/// </summary>
public sealed class AccountLinkPollingTests : IAsyncLifetime, IDisposable
{
    private const string ClientId = "Iv23liPollingTests";
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);
    private readonly FakeTimeProvider _clock = new();
    private readonly string _folder = Directory.CreateTempSubdirectory("actionbot-link-polling-").FullName;
    private SqliteConnectionFactory _connections = null!;
    private FakeGitHubServer _github = null!;
    private ServiceProvider _services = null!;

    public async Task InitializeAsync()
    {
        _github = await FakeGitHubServer.StartAsync(_clock);
        _github.DeviceFlow.RegisterClient(ClientId);
        _connections = new SqliteConnectionFactory($"Data Source={Path.Combine(_folder, "actionbot.db")};Pooling=False");
        await new SqliteMigrator(_connections, _clock, NullLogger<SqliteMigrator>.Instance).MigrateAsync(CancellationToken.None);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ActionBot:GitHub:ApiBaseUrl"] = _github.BaseAddress.AbsoluteUri,
            ["ActionBot:GitHub:ClientId"] = ClientId,
        }).Build();
        _services = new ServiceCollection().AddLogging().AddGitHubDeviceFlow(configuration).BuildServiceProvider();
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _github.DisposeAsync();
        _connections.Dispose();
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Polls_keep_githubs_interval_and_after_slow_down_wait_five_seconds_longer()
    {
        var linking = Linking();
        await linking.RequestAsync("111", "octocat", CancellationToken.None);
        var start = _clock.GetUtcNow();
        _github.DeviceFlow.SlowDownNextPoll(); // as if GitHub's clock ran ahead of ours

        var polls = new List<int>();
        for (var second = 1; second <= 25; second++)
        {
            _clock.Advance(TimeSpan.FromSeconds(1));
            polls.Add(await PollAllAsync(linking));
        }

        var code = _github.DeviceFlow.LatestCode;
        Assert.Equal([start + TimeSpan.FromSeconds(5), start + TimeSpan.FromSeconds(15), start + TimeSpan.FromSeconds(25)], code.Polls); // 5 s, then 10 s apart
        Assert.Equal(3, polls.Sum());
        Assert.Equal(0, _github.DeviceFlow.TooEarlyPolls);
        Assert.Equal(TimeSpan.FromSeconds(10), code.Interval);
    }

    [Fact]
    public async Task Three_pollers_on_one_database_poll_each_due_claim_once()
    {
        var pollers = new[] { Linking(), Linking(), Linking() };
        await pollers[0].RequestAsync("111", "octocat", CancellationToken.None);
        await pollers[0].RequestAsync("222", "hubber", CancellationToken.None);
        _clock.Advance(Interval);

        var polls = await Task.WhenAll(pollers.Select(p => Task.Run(() => PollAllAsync(p))));

        Assert.Equal(2, polls.Sum());
        Assert.All(_github.DeviceFlow.Codes, c => Assert.Single(c.Polls));
        Assert.Equal(0, _github.DeviceFlow.TooEarlyPolls);
    }

    private AccountLinking Linking() => new(
        new SqliteAccountLinks(_connections),
        new SqliteAccountLinkRequests(_connections),
        ConfiguredAccountLinks.None,
        _clock,
        _services.GetRequiredService<IGitHubDeviceFlow>());

    private static async Task<int> PollAllAsync(AccountLinking linking)
    {
        var polls = 0;
        while (await linking.PollNextAsync(CancellationToken.None) is not null)
        {
            polls++;
        }

        return polls;
    }
}
