using ActionBot.Testing;
using ActionBot.Testing.Discord;
using ActionBot.Testing.GitHub;
using Microsoft.Extensions.DependencyInjection;

namespace ActionBot.Tests.Infrastructure;

/// <summary>
/// One fake GitHub (with the watched repository) and one data folder per test; the bots a test starts on them,
/// restarts included, are stopped at its end.
/// </summary>
public abstract class IntegrationTest : IAsyncLifetime
{
    private readonly List<ActionBotApplication> _apps = [];
    private readonly string _dataFolder = Path.Combine(Path.GetTempPath(), "actionbot-tests", Guid.NewGuid().ToString("N"));

    internal FakeGitHubServer GitHub { get; private set; } = null!;

    /// <summary>The test's folder (the bot's SQLite file among others), deleted at its end.</summary>
    internal string DataFolder => _dataFolder;

    /// <summary>A fake Discord, when the test class sets <see cref="UsesDiscord"/>.</summary>
    internal FakeDiscordServer? Discord { get; private set; }

    protected bool UsesDiscord { get; init; }

    internal FakeRepository Repository => GitHub.Repository(ActionBotApplication.Repository);

    /// <summary>A fake clock shared by the fake GitHub and the bot; none (real time) unless a test class sets one.</summary>
    protected FakeTimeProvider? Clock { get; init; }

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_dataFolder);
        GitHub = await FakeGitHubServer.StartAsync(Clock);
        GitHub.AddRepository(ActionBotApplication.Repository);
        if (UsesDiscord)
        {
            Discord = await FakeDiscordServer.StartAsync(Clock);
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var app in _apps)
        {
            await app.DisposeAsync();
        }

        await GitHub.DisposeAsync();
        if (Discord is not null)
        {
            await Discord.DisposeAsync();
        }

        Directory.Delete(_dataFolder, recursive: true);
    }

    /// <summary>
    /// Starts the bot on this test's fake and data folder; a second call after disposing the first is a restart.
    /// <paramref name="clock"/> gives this bot a clock of its own instead of <see cref="Clock"/>.
    /// </summary>
    internal async Task<ActionBotApplication> StartBotAsync(
        Action<Dictionary<string, string?>>? settings = null,
        Action<IServiceCollection>? services = null,
        FakeTimeProvider? clock = null)
    {
        var app = await ActionBotApplication.StartAsync(GitHub, _dataFolder, settings, services, clock ?? Clock, Discord);
        lock (_apps)
        {
            // Replicas start at once.
            _apps.Add(app);
        }

        return app;
    }

    /// <summary>
    /// Starts the bot's executable in a child process on this test's fakes and data folder, set to kill itself at
    /// <paramref name="crashAt"/> (<c>point#n</c>, see <see cref="KillAtCrashPoint"/>). It runs on real time; a restart
    /// after it is <see cref="StartBotAsync"/>. Disposing it kills it if it still runs.
    /// </summary>
    internal Task<BotProcess> StartBotProcessAsync(string crashAt, Action<Dictionary<string, string?>>? settings = null)
    {
        ActionBotApplication.PrepareFakes(GitHub);
        var configuration = ActionBotApplication.Settings(GitHub, Discord, _dataFolder, clock: null);
        settings?.Invoke(configuration);
        return BotProcess.StartAsync(configuration, crashAt, _dataFolder);
    }
}
