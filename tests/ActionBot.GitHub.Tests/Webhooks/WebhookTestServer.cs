using ActionBot.GitHub.Webhooks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ActionBot.GitHub.Tests.Webhooks;

/// <summary>The webhook endpoint alone in a minimal app on a loopback port, with a recording sink and logs.</summary>
internal sealed class WebhookTestServer : IAsyncDisposable
{
    public static readonly DateTimeOffset Now = new(2025, 1, 17, 15, 0, 0, TimeSpan.Zero);

    private readonly WebApplication _app;

    private WebhookTestServer(WebApplication app, RecordingDeliverySink sink, RecordingLoggerProvider logs)
    {
        _app = app;
        Sink = sink;
        Logs = logs;
    }

    public HttpClient Client { get; } = new();

    public RecordingDeliverySink Sink { get; }

    public RecordingLoggerProvider Logs { get; }

    public static async Task<WebhookTestServer> StartAsync(string? secret, LogLevel minimumLevel = LogLevel.Debug)
    {
        var sink = new RecordingDeliverySink();
        var logs = new RecordingLoggerProvider();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration[$"{GitHubWebhookOptions.SectionName}:WebhookSecret"] = secret;
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(logs);
        builder.Logging.SetMinimumLevel(minimumLevel);
        builder.Services.AddGitHubWebhooks();
        builder.Services.AddSingleton<TimeProvider>(new StoppedClock(Now));
        builder.Services.AddSingleton<IWebhookDeliverySink>(sink);

        var app = builder.Build();
        app.MapGitHubWebhooks();
        var server = new WebhookTestServer(app, sink, logs);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.Client.BaseAddress = new Uri(address);
        return server;
    }

    public IEnumerable<LogEntry> EndpointLogs() =>
        Logs.Entries.Where(e => e.Category.StartsWith("ActionBot.GitHub.Webhooks", StringComparison.Ordinal));

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.DisposeAsync();
    }

    private sealed class StoppedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
