using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using ActionBot.Core.Ports;
using ActionBot.Discord.Linking;
using ActionBot.GitHub.Processing;
using ActionBot.Hosting;
using ActionBot.Scheduling;
using ActionBot.Storage;
using ActionBot.Storage.Postgres;
using ActionBot.Storage.Sqlite;
using ActionBot.Testing;
using ActionBot.Testing.Discord;
using ActionBot.Testing.GitHub;
using ActionBot.Testing.GitHub.Webhooks;
using Hangfire;
using Hangfire.States;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace ActionBot.Tests.Infrastructure;

/// <summary>
/// The real bot (<c>serve</c>) on a loopback port, configured in memory: GitHub is a <see cref="FakeGitHubServer"/>,
/// storage a SQLite file in a test folder (or the PostgreSQL database a test's settings name), every log entry captured. A restart is a new instance on the same
/// folder and the same fake.
/// </summary>
internal sealed class ActionBotApplication : WebApplicationFactory<Program>
{
    public const string Repository = "acme/services";
    public const string WebhookSecret = "whsec_IntegrationSecret_5b9e0c7d";

    /// <summary>The GitHub App's client id, registered with the fake's device flow.</summary>
    public const string ClientId = "Iv23liIntegrationTests";

    /// <summary>Long enough for a slow CI machine; a wait that runs out fails the test with a time-out.</summary>
    public static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(30);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly HashSet<string> FinalStates = [SucceededState.StateName, FailedState.StateName, DeletedState.StateName];

    private readonly Dictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _testServices;

    public const string DiscordChannelId = "950000000000000001";

    private ActionBotApplication(FakeGitHubServer github, FakeDiscordServer? discord, string dataFolder, FakeTimeProvider? clock, Action<IServiceCollection>? testServices)
    {
        GitHub = github;
        Discord = discord;
        Clock = clock;
        _testServices = testServices;
        _settings = Settings(github, discord, dataFolder, clock);
    }

    /// <summary>
    /// The settings of a bot on <paramref name="github"/> (and <paramref name="discord"/>, when given) with its SQLite file in
    /// <paramref name="dataFolder"/>: the same for a bot in this process and for a <see cref="BotProcess"/>.
    /// </summary>
    public static Dictionary<string, string?> Settings(FakeGitHubServer github, FakeDiscordServer? discord, string dataFolder, FakeTimeProvider? clock)
    {
        var settings = new Dictionary<string, string?>
        {
            // Keeps AddActionBot from pinning 127.0.0.1:5080; UseKestrel(0) below picks a free loopback port.
            ["urls"] = "http://127.0.0.1:0",
            ["ActionBot:Storage:ConnectionString"] = $"Data Source={Path.Combine(dataFolder, "actionbot.db")}",
            ["ActionBot:GitHub:ApiBaseUrl"] = github.BaseAddress.AbsoluteUri,
            ["ActionBot:GitHub:Token"] = FakeGitHubServer.DefaultToken,
            ["ActionBot:GitHub:WebhookSecret"] = WebhookSecret,
            ["ActionBot:GitHub:ClientId"] = ClientId,
            ["ActionBot:GitHub:Repositories:0:Name"] = Repository,
            ["ActionBot:GitHub:Repositories:0:PostmortemPaths:0"] = "postmortems/**/*.md",
            ["ActionBot:GitHub:MinimumWriteInterval"] = "00:00:00",
            ["ActionBot:GitHub:RetryBaseDelay"] = "00:00:00",
            ["ActionBot:GitHub:UncertainWritePause"] = "00:00:00",

            // Under a fake clock a time-out timer would fire whenever a test moves the clock; the wait limit bounds the tests instead.
            ["ActionBot:GitHub:RequestTimeout"] = clock is null ? "00:00:30" : "00:00:00",
            ["ActionBot:Deliveries:RetryBaseDelay"] = "00:00:00",

            // Under a fake clock, a jump of days fires every timer due on the way, and a loop that sleeps again from its
            // timer's callback (the WAL checkpointer every second, the delivery worker's poll every 5 s) is walked through
            // the whole jump, one pass per period: a week of 1-second checkpoints took minutes. Tests drain deliveries
            // themselves (DrainAsync), so these loops need not pass often there.
            ["ActionBot:Storage:WalCheckpoint:Interval"] = clock is null ? "00:00:01" : "00:10:00",
            ["ActionBot:Deliveries:PollInterval"] = clock is null ? "00:00:05" : "01:00:00",

            // Hangfire runs the reconcile, reminder and outbox retry jobs once at start (awaited in StartAsync) and not
            // again during a test, on its real clock: tests that want another run call the job's RunAsync at the fake
            // clock's time (a retry run every real minute raced the outbox sender of a fake-clock test). An interval no
            // cron expression says runs one interval after the last run (a daily cron would run at midnight, mid-test);
            // the digest is off.
            ["ActionBot:Maintenance:ReconcileEvery"] = "23:59:59",
            ["ActionBot:Maintenance:RetryEvery"] = "23:59:59",
            ["ActionBot:Reminders:SweepEvery"] = "23:59:59",
            ["ActionBot:Reminders:DigestCron"] = "",
        };
        if (discord is not null)
        {
            settings["ActionBot:Discord:ApiBaseUrl"] = discord.BaseAddress.AbsoluteUri;
            settings["ActionBot:Discord:ApplicationId"] = FakeDiscordServer.ApplicationId;
            settings["ActionBot:Discord:PublicKey"] = Signer.PublicKeyHex;
            settings["ActionBot:Discord:BotToken"] = FakeDiscordServer.BotToken;
            settings["ActionBot:Discord:GuildId"] = InteractionBuilder.DefaultGuildId;
            settings["ActionBot:Discord:DefaultChannelId"] = DiscordChannelId;
            settings["ActionBot:Discord:RetryBaseDelay"] = "00:00:00.010";
            settings["ActionBot:Discord:RequestTimeout"] = clock is null ? "00:00:30" : "00:00:00";
        }

        return settings;
    }

    /// <summary>Signs interactions like Discord, with the key pair whose public half the bot is configured with.</summary>
    public static DiscordInteractionSigner Signer { get; } = new();

    public FakeDiscordServer? Discord { get; }

    public FakeGitHubServer GitHub { get; }

    public FakeTimeProvider? Clock { get; }

    public InMemoryLoggerProvider Logs { get; } = new();

    /// <summary>A client of the bot's loopback address.</summary>
    public HttpClient Client { get; private set; } = null!;

    private ObservedDeliveryInbox Inbox => Services.GetRequiredService<ObservedDeliveryInbox>();

    /// <summary>Starts the bot and waits for the runs its jobs make at start (reconcile, sweep, outbox retry), so a test starts from a quiet app.</summary>
    public static async Task<ActionBotApplication> StartAsync(
        FakeGitHubServer github,
        string dataFolder,
        Action<Dictionary<string, string?>>? settings = null,
        Action<IServiceCollection>? services = null,
        FakeTimeProvider? clock = null,
        FakeDiscordServer? discord = null)
    {
        PrepareFakes(github);
        var app = new ActionBotApplication(github, discord, dataFolder, clock, services);
        settings?.Invoke(app._settings);
        app.UseKestrel(0);
        app.StartServer();
        app.Client = app.CreateClient();
        await app.StartRunsFinishedAsync().WaitAsync(WaitLimit);
        return app;
    }

    /// <summary>What every bot on <paramref name="github"/> expects of it: no waits on its rate limits, the bot's client id known.</summary>
    public static void PrepareFakes(FakeGitHubServer github)
    {
        ArgumentNullException.ThrowIfNull(github);
        github.Faults.RetryAfterSeconds = 0;
        github.DeviceFlow.RegisterClient(ClientId);
    }

    /// <summary>The Hangfire store of this bot (its own in memory, or the one replicas share in PostgreSQL).</summary>
    public JobStorage JobStore => Services.GetRequiredService<JobStorage>();

    /// <summary>
    /// Waits until the runs triggered at start have finished, as the job store records them: on a store that replicas
    /// share, another replica's server may have run them.
    /// </summary>
    private async Task StartRunsFinishedAsync()
    {
        var started = Services.GetRequiredService<RecurringJobRegistrar>().TriggeredAtStart;
        while (true)
        {
            using (var connection = JobStore.GetConnection())
            {
                if (started.All(id => FinalStates.Contains(connection.GetStateData(id)?.Name ?? "")))
                {
                    return;
                }
            }

            // The store offers no notification of a job's end to wait on.
            await Task.Delay(TimeSpan.FromMilliseconds(10));
        }
    }

    /// <summary>Posts a delivery signed with the configured secret, as GitHub sends it.</summary>
    public Task<HttpResponseMessage> PostWebhookAsync(string eventName, byte[] body, string? deliveryId = null) =>
        Client.PostWebhookAsync(eventName, body, WebhookSecret, deliveryId);

    /// <summary>Posts an interaction signed like Discord, at <paramref name="signedAt"/> (now by default).</summary>
    public Task<HttpResponseMessage> PostInteractionAsync(InteractionBuilder interaction, DateTimeOffset? signedAt = null)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        var request = Signer.Request("/interactions/discord", interaction.Build(), signedAt ?? (Clock ?? TimeProvider.System).GetUtcNow());
        return Client.SendAsync(request);
    }

    /// <summary>
    /// Processes every delivery that is due and waits for the ones the hosted worker holds, until none is pending.
    /// Both may drain at once: a claim is atomic.
    /// </summary>
    public async Task DrainAsync()
    {
        var worker = Services.GetRequiredService<DeliveryWorker>();
        using var limit = new CancellationTokenSource(WaitLimit);
        while (true)
        {
            var changed = Inbox.NextChange;
            await worker.DrainAsync(limit.Token);
            if (await Inbox.CountPendingAsync(limit.Token) == 0)
            {
                return;
            }

            await changed.WaitAsync(limit.Token);
        }
    }

    /// <summary>Polls GitHub for every account-link claim that is due now, beside the hosted poller (claims are atomic).</summary>
    public Task<int> PollLinksAsync() => Services.GetRequiredService<AccountLinkVerifier>().PollDueAsync(CancellationToken.None);

    /// <summary><c>GET /api/action-items?state=...&amp;owner=...</c>, read as a client would.</summary>
    public async Task<List<ActionItemResponse>> GetItemsAsync(string state = "all", string? owner = null)
    {
        var query = owner is null ? $"state={state}" : $"state={state}&owner={Uri.EscapeDataString(owner)}";
        var items = await Client.GetFromJsonAsync<List<ActionItemResponse>>($"/api/action-items?{query}", Json);
        return items ?? [];
    }

    /// <summary>The chat outbox, observed: a test waits for messages to be sent.</summary>
    public ObservedChatOutbox ChatOutbox => Services.GetRequiredService<ObservedChatOutbox>();

    /// <summary>Rows in the inbox: every delivery ever stored, whatever its status.</summary>
    public async Task<int> CountStoredDeliveriesAsync()
    {
        await using var connection = await Services.GetRequiredService<StorageDatabase>().OpenConnectionAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM webhook_deliveries";
        return Convert.ToInt32(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    /// <summary>Deliveries waiting or being processed.</summary>
    public Task<int> CountPendingDeliveriesAsync() => Inbox.CountPendingAsync(CancellationToken.None);

    /// <summary>What every test ends with: nothing at Error or above, and no credential in any log line, at any level.</summary>
    public void AssertLogsAreClean()
    {
        // Entries at every level are captured, so the credential check below covers debug and trace lines too.
        Assert.Contains(Logs.Entries, e => e.Level == LogLevel.Trace);
        Assert.Empty(Logs.Errors.Select(e => $"{e.Category}: {e.FullText}"));
        var secrets = new List<string> { FakeGitHubServer.DefaultToken, WebhookSecret, "PRIVATE KEY", FakeDiscordServer.BotToken, "interaction-token-" };
        secrets.AddRange(GitHub.App?.IssuedTokens ?? []);
        secrets.AddRange(GitHub.DeviceFlow.IssuedTokens);
        secrets.AddRange(GitHub.DeviceFlow.Codes.Select(c => c.DeviceCode));
        foreach (var entry in Logs.Entries)
        {
            foreach (var secret in secrets)
            {
                Assert.False(entry.FullText.Contains(secret, StringComparison.Ordinal), $"A log line of {entry.Category} carries a credential.");
            }
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // Settings go in as host settings: Program reads some of them (is GitHub configured?) before the app is built.
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging
            .ClearProviders()
            .AddProvider(Logs)
            .AddFilter<InMemoryLoggerProvider>(null, LogLevel.Trace));
        var postgres = string.Equals(_settings.GetValueOrDefault("ActionBot:Storage:Provider"), "Postgres", StringComparison.OrdinalIgnoreCase);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton(sp => new ObservedDeliveryInbox(postgres ? sp.GetRequiredService<PostgresDeliveryInbox>() : sp.GetRequiredService<SqliteDeliveryInbox>()));
            services.AddSingleton<IDeliveryInbox>(sp => sp.GetRequiredService<ObservedDeliveryInbox>());
            services.AddSingleton(sp => new ObservedChatOutbox(postgres ? sp.GetRequiredService<PostgresChatOutbox>() : sp.GetRequiredService<SqliteChatOutbox>()));
            services.AddSingleton<IChatOutbox>(sp => sp.GetRequiredService<ObservedChatOutbox>());
            if (Clock is not null)
            {
                services.RemoveAll<TimeProvider>();
                services.AddSingleton<TimeProvider>(Clock);
            }

            _testServices?.Invoke(services);
        });
    }
}
