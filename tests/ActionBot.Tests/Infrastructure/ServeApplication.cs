using System.Net;
using ActionBot.Scheduling;
using ActionBot.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ActionBot.Tests.Infrastructure;

/// <summary>
/// <c>serve</c> as a newcomer runs it, with no GitHub configured: real Kestrel on a free port (loopback unless
/// <see cref="StartExposedAsync"/>), a SQLite file in its own folder, every log entry captured. Disposing it deletes the folder.
/// </summary>
internal sealed class ServeApplication : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;
    private readonly string _dataFolder = Path.Combine(Path.GetTempPath(), "actionbot-tests", Guid.NewGuid().ToString("N"));

    private ServeApplication(bool exposed)
    {
        Directory.CreateDirectory(_dataFolder);
        _settings = new Dictionary<string, string?>
        {
            ["urls"] = exposed ? "http://0.0.0.0:0" : "http://127.0.0.1:0",
            ["ActionBot:Storage:ConnectionString"] = $"Data Source={Path.Combine(_dataFolder, "actionbot.db")}",
        };
    }

    public InMemoryLoggerProvider Logs { get; } = new();

    /// <summary>The bot's own address on loopback (its real Kestrel port).</summary>
    public Uri Address { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    public static Task<ServeApplication> StartAsync(Action<Dictionary<string, string?>>? settings = null) => StartAsync(false, settings);

    /// <summary>Listening on every interface (0.0.0.0), as <c>--urls http://0.0.0.0:5080</c> would; the tests still call it on loopback.</summary>
    public static Task<ServeApplication> StartExposedAsync(Action<Dictionary<string, string?>>? settings = null) => StartAsync(true, settings);

    public T Service<T>()
        where T : notnull => Services.GetRequiredService<T>();

    public override async ValueTask DisposeAsync()
    {
        Client?.Dispose();
        await base.DisposeAsync();
        Directory.Delete(_dataFolder, recursive: true);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.ClearProviders().AddProvider(Logs).AddFilter<InMemoryLoggerProvider>(null, LogLevel.Trace));
    }

    private static async Task<ServeApplication> StartAsync(bool exposed, Action<Dictionary<string, string?>>? settings)
    {
        var app = new ServeApplication(exposed);
        settings?.Invoke(app._settings);
        app.UseKestrel(options => options.Listen(exposed ? IPAddress.Any : IPAddress.Loopback, 0));
        app.StartServer();
        var bound = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        app.Address = new Uri($"http://127.0.0.1:{bound.Port}/");
        app.Client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = app.Address };

        // Started as a user meets it: ready (/readyz 200) once the scheduler runs, which Kestrel answering does not wait for.
        await app.Services.GetRequiredService<SchedulerHealth>().Started.WaitAsync(ActionBotApplication.WaitLimit);
        return app;
    }
}
