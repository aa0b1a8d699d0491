using System.Text;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace ActionBot.Hosting;

/// <summary>
/// Once the bot listens, logs one block: where it listens, which integrations are on, which are off for lack of which
/// keys, and where to read how to turn them on. It names configuration keys, never their values.
/// </summary>
public sealed partial class IntegrationsReport(
    IConfiguration configuration, IServer server, IHostApplicationLifetime lifetime, ILogger<IntegrationsReport> logger) : IHostedService
{
    public const string HowTo = "deploy/README.md";

    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() =>
        {
            if (logger.IsEnabled(LogLevel.Information))
            {
                var report = Describe();
                Log.Report(logger, report);
            }
        });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public string Describe()
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses.ToList() ?? [];
        var text = new StringBuilder("ActionBot is running.");
        Line(text, "Dashboard", addresses.Count == 0 ? "(in-memory server)" : string.Join(", ", addresses.Select(a => a.TrimEnd('/') + "/")));
        Line(text, "Storage", $"{Value("Storage:Provider") ?? "Sqlite"}{(Value("Storage:ConnectionString") is null ? " (data/actionbot.db)" : string.Empty)}");
        Line(text, "GitHub", GitHub());
        Line(text, "Webhooks", Value("GitHub:WebhookSecret") is null
            ? "off: ActionBot:GitHub:WebhookSecret is not set, so POST /webhooks/github answers 503"
            : "on: POST /webhooks/github checks X-Hub-Signature-256");
        Line(text, "Discord", Missing("Discord:ApplicationId", "Discord:PublicKey", "Discord:BotToken") is { Length: > 0 } missing
            ? $"off: {missing} not set; announcements and reminders are only logged"
            : "on");
        Line(text, "Scheduler", "in-memory");
        Line(text, "Read access", Value("Dashboard:ReadToken") is null
            ? "loopback only; set ActionBot:Dashboard:ReadToken before listening on other addresses"
            : "read token required for /, /api and /metrics");
        Line(text, "How to", $"turn integrations on: {HowTo} (every key: appsettings.example.json)");
        return text.ToString();
    }

    private string GitHub()
    {
        var credentials = Value("GitHub:Token") is not null || Missing("GitHub:AppId", "GitHub:PrivateKeyPath", "GitHub:InstallationId").Length == 0;
        var repositories = configuration.GetSection("ActionBot:GitHub:Repositories").GetChildren().Count();
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
