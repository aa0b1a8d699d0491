using System.Text;
using ActionBot.Core.Ports;
using ActionBot.Scheduling;
using Hangfire;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace ActionBot.Hosting;

/// <summary>
/// Once the bot listens and its scheduler runs, logs one block: where it listens, where it stores, which integrations
/// are on, which are off for lack of which keys, what the scheduler runs when, and where to read how to turn things on.
/// It names configuration keys, never their values.
/// </summary>
public sealed partial class IntegrationsReport(
    IConfiguration configuration,
    IServer server,
    IChannelDirectory channels,
    JobStorage jobStore,
    IEnumerable<ScheduledJob> jobs,
    ILogger<IntegrationsReport> logger)
    : IHostedLifecycleService
{
    public const string HowTo = "deploy/README.md";

    // After every hosted service has started: the server has its addresses and the scheduler its jobs.
    public Task StartedAsync(CancellationToken cancellationToken)
    {
        if (logger.IsEnabled(LogLevel.Information))
        {
            var report = Describe();
            Log.Report(logger, report);
        }

        return Task.CompletedTask;
    }

    public string Describe()
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses.ToList() ?? [];
        var text = new StringBuilder("ActionBot is running.");
        Line(text, "Dashboard", addresses.Count == 0 ? "(in-memory server)" : string.Join(", ", addresses.Select(a => a.TrimEnd('/') + "/")));
        Line(text, "Storage", Storage());
        Line(text, "GitHub", GitHub());
        Line(text, "Webhooks", Value("GitHub:WebhookSecret") is null
            ? "off: ActionBot:GitHub:WebhookSecret is not set, so POST /webhooks/github answers 503"
            : "on: POST /webhooks/github checks X-Hub-Signature-256");
        Line(text, "Discord", Discord());
        if (Missing("Discord:ApplicationId", "Discord:PublicKey", "Discord:BotToken").Length == 0)
        {
            Line(text, "Links", Value("GitHub:ClientId") is null
                ? "from ActionBot:Discord:UserLinks only; set ActionBot:GitHub:ClientId (a GitHub App with device flow enabled) for /postmortem link"
                : "/postmortem link confirmed by GitHub's device flow (ActionBot:GitHub:ClientId), and ActionBot:Discord:UserLinks");
        }

        foreach (var (index, line) in SchedulerReport.Describe(jobStore, jobs, configuration).Index())
        {
            Line(text, index == 0 ? "Scheduler" : "", line);
        }

        Line(text, "Read access", ReadAccess());
        Line(text, "How to", $"turn integrations on: {HowTo} (every key: appsettings.example.json)");
        return text.ToString();
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private string Storage() => $"{Value("Storage:Provider") ?? "Sqlite"}, " + (Value("Storage:ConnectionString") is null
        ? "data/actionbot.db (the default; ActionBot:Storage:ConnectionString moves it)"
        : "as ActionBot:Storage:ConnectionString says");

    // INTERFACES §2, as configured: who may read /, /api, /metrics and /hangfire.
    private string ReadAccess()
    {
        var proxies = configuration.GetSection("ActionBot:Dashboard:TrustedProxies").GetChildren().Count();
        var behind = proxies == 0 ? "" : $"; X-Forwarded-For believed from {proxies} trusted prox{(proxies == 1 ? "y" : "ies")}";
        if (string.Equals(Value("Dashboard:RequireToken"), "true", StringComparison.OrdinalIgnoreCase))
        {
            return "the read token for every read (ActionBot:Dashboard:RequireToken)" + behind;
        }

        return (Value("Dashboard:ReadToken") is null
            ? "open to this machine only; set ActionBot:Dashboard:ReadToken to read from elsewhere"
            : "open to this machine; from elsewhere with the read token (Bearer, or /login)") + behind;
    }

    private string GitHub()
    {
        var credentials = Value("GitHub:Token") is not null || Missing("GitHub:AppId", "GitHub:PrivateKeyPath", "GitHub:InstallationId").Length == 0;
        var repositories = Repositories().Count;
        if (credentials && repositories > 0)
        {
            return $"on: {repositories} repositor{(repositories == 1 ? "y" : "ies")} watched";
        }

        var needs = new List<string>();
        if (!credentials)
        {
            needs.Add("ActionBot:GitHub:Token (or AppId, PrivateKeyPath and InstallationId)");
        }

        if (repositories == 0)
        {
            needs.Add("ActionBot:GitHub:Repositories:0:Name");
        }

        return $"off: {string.Join(" and ", needs)} not set; the dashboard shows a dry run of the bundled sample postmortems";
    }

    private string Discord()
    {
        if (Missing("Discord:ApplicationId", "Discord:PublicKey", "Discord:BotToken") is { Length: > 0 } missing)
        {
            return $"off: {missing} not set; announcements and reminders are only logged";
        }

        var commands = Value("Discord:GuildId") is null ? "commands global (ActionBot:Discord:GuildId not set)" : "commands in the guild of ActionBot:Discord:GuildId";
        var unrouted = Repositories().Where(r => channels.ChannelFor(r.Name) is null).Select(r => $"ActionBot:GitHub:Repositories:{r.Index}:DiscordChannelId").ToList();
        var warning = unrouted.Count == 0
            ? ""
            : $"; no channel for {unrouted.Count} repositor{(unrouted.Count == 1 ? "y" : "ies")}: set {string.Join(", ", unrouted)} or ActionBot:Discord:DefaultChannelId, else their announcements, channel reminders and digests are skipped";
        return $"on: POST /interactions/discord, {commands}{warning}";
    }

    private List<(string Index, string Name)> Repositories() =>
        [.. configuration.GetSection("ActionBot:GitHub:Repositories").GetChildren()
            .Where(r => !string.IsNullOrWhiteSpace(r["Name"]))
            .Select(r => (r.Key, r["Name"]!.Trim()))];

    private string Missing(params string[] keys) =>
        string.Join(", ", keys.Where(key => Value(key) is null).Select(key => "ActionBot:" + key));

    private string? Value(string key) => configuration["ActionBot:" + key] is { Length: > 0 } value ? value : null;

    private static void Line(StringBuilder text, string name, string value) => text.Append('\n').Append("  ").Append(name.PadRight(12)).Append(value);

    private static partial class Log
    {
        [LoggerMessage(EventId = 2300, Level = LogLevel.Information, Message = "{Report}")]
        public static partial void Report(ILogger logger, string report);
    }
}
