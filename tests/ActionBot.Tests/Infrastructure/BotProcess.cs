using System.Net;
using ActionBot.Testing.GitHub.Webhooks;

namespace ActionBot.Tests.Infrastructure;

/// <summary>
/// The bot's real executable running <c>serve</c> in a child process (<see cref="ServeProcess"/>), configured as
/// <see cref="ActionBotApplication"/> is (the same settings, as environment variables: the same data folder and fake
/// servers), with <see cref="KillAtCrashPoint"/> plugged in through this assembly's hosting startup: it kills itself
/// with SIGKILL at the boundary it is given. A restart is an <see cref="ActionBotApplication"/> on the same folder.
/// </summary>
internal sealed class BotProcess : IAsyncDisposable
{
    public const string CrashLine = "ACTIONBOT-TEST killed at ";

    /// <summary>SIGKILL's exit code (128 + 9), as a shell reports it.</summary>
    public const int KilledExitCode = 137;

    /// <summary>A child's start-up and work on a loaded 2-core machine; it ends long before on a normal one.</summary>
    private static readonly TimeSpan LifeLimit = TimeSpan.FromMinutes(2);

    private readonly ServeProcess _serve;
    private readonly HttpClient _client;

    private BotProcess(ServeProcess serve, Uri address)
    {
        _serve = serve;
        _client = new HttpClient { BaseAddress = address };
    }

    /// <summary>The crash point (<c>point#n</c>) it printed before killing itself; null until then.</summary>
    public string? KilledAt => _serve.Output.LastOrDefault(line => line.StartsWith(CrashLine, StringComparison.Ordinal))?[CrashLine.Length..];

    /// <summary>Everything it wrote, standard output then standard error: its log, for a failing test's message.</summary>
    public string Output => string.Join('\n', _serve.Output.Concat(_serve.Error));

    /// <summary>Starts <c>serve</c> with <paramref name="settings"/>, set to die at <paramref name="crashAt"/>, and waits until it listens.</summary>
    public static async Task<BotProcess> StartAsync(IReadOnlyDictionary<string, string?> settings, string crashAt, string workingFolder)
    {
        var environment = settings.Where(s => s.Key != "urls" && s.Value is not null)
            .ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value!);
        environment["ASPNETCORE_HOSTINGSTARTUPASSEMBLIES"] = typeof(BotProcess).Assembly.GetName().Name!;
        environment[KillAtCrashPoint.Variable] = crashAt;
        var serve = ServeProcess.Start(workingFolder, ["serve", "--urls", settings["urls"]!], environment, withTestAssembly: true);
        try
        {
            return new BotProcess(serve, await serve.ListeningAsync(LifeLimit));
        }
        catch
        {
            await serve.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Posts a signed delivery. The answer may be cut off by the kill it leads to (the crash point can come before the
    /// 202 is on the wire): then null; the delivery was stored before any processing began.
    /// </summary>
    public async Task<HttpStatusCode?> PostWebhookAsync(string eventName, byte[] body)
    {
        try
        {
            using var response = await _client.PostWebhookAsync(eventName, body, ActionBotApplication.WebhookSecret);
            return response.StatusCode;
        }
        catch (HttpRequestException)
        {
            // Only a kill may cut the answer off; anything else is the test's failure.
            return await ExitedAsync() == KilledExitCode ? null : throw new InvalidOperationException($"The webhook failed:\n{Output}");
        }
    }

    /// <summary>Waits for the process to end; its exit code.</summary>
    public Task<int> ExitedAsync() => _serve.ExitCodeAsync(LifeLimit);

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _serve.DisposeAsync();
    }
}
