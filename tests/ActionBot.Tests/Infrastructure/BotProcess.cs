using System.Diagnostics;
using System.Net;
using System.Text;
using ActionBot.Testing.GitHub.Webhooks;

namespace ActionBot.Tests.Infrastructure;

/// <summary>
/// The bot's real executable running <c>serve</c> in a child process, configured as <see cref="ActionBotApplication"/> is
/// (the same settings, as environment variables: the same data folder and fake servers), with
/// <see cref="KillAtCrashPoint"/> plugged in: it kills itself with SIGKILL at the boundary it is given. It runs from
/// the test's output folder, with the test assembly's dependency list, so that the hosting startup in this assembly
/// loads. A restart is an <see cref="ActionBotApplication"/> on the same folder.
/// </summary>
internal sealed class BotProcess : IAsyncDisposable
{
    public const string ListeningLine = "ACTIONBOT-TEST listening on ";
    public const string CrashLine = "ACTIONBOT-TEST killed at ";

    /// <summary>A child's start-up and work on a loaded 2-core machine; it ends long before on a normal one.</summary>
    public static readonly TimeSpan LifeLimit = TimeSpan.FromMinutes(2);

    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private HttpClient? _client;

    private BotProcess(Process process) => _process = process;

    /// <summary>The crash point (<c>point#n</c>) it printed before killing itself; null until then.</summary>
    public string? KilledAt { get; private set; }

    /// <summary>Everything it wrote, standard output and error interleaved: its log, for a failing test's message.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Starts <c>serve</c> with <paramref name="settings"/> and waits until it listens.</summary>
    public static async Task<BotProcess> StartAsync(IReadOnlyDictionary<string, string?> settings, string crashAt, string workingFolder)
    {
        var folder = AppContext.BaseDirectory;
        var tests = typeof(BotProcess).Assembly.GetName().Name!;
        var start = new ProcessStartInfo(DotnetHost())
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingFolder,
        };
        string[] arguments =
        [
            "exec", "--runtimeconfig", Path.Combine(folder, $"{tests}.runtimeconfig.json"), "--depsfile", Path.Combine(folder, $"{tests}.deps.json"),
            Path.Combine(folder, "ActionBot.dll"), "serve", "--urls", settings["urls"]!,
        ];
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in settings.Where(s => s.Key != "urls" && s.Value is not null))
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        start.Environment["ASPNETCORE_HOSTINGSTARTUPASSEMBLIES"] = tests;
        start.Environment[KillAtCrashPoint.Variable] = crashAt;
        var bot = new BotProcess(new Process { StartInfo = start, EnableRaisingEvents = true });
        bot._process.OutputDataReceived += (_, line) => bot.Read(line.Data);
        bot._process.ErrorDataReceived += (_, line) => bot.Read(line.Data);
        bot._process.Exited += (_, _) => bot._listening.TrySetException(new InvalidOperationException($"The bot exited before it listened:\n{bot.Output}"));
        bot._process.Start();
        bot._process.BeginOutputReadLine();
        bot._process.BeginErrorReadLine();
        var address = await bot._listening.Task.WaitAsync(LifeLimit);
        bot._client = new HttpClient { BaseAddress = address };
        return bot;
    }

    /// <summary>
    /// Posts a signed delivery. The answer may be cut off by the kill it leads to (the crash point can come before the
    /// 202 is on the wire): then null; the delivery was stored before any processing began.
    /// </summary>
    public async Task<HttpStatusCode?> PostWebhookAsync(string eventName, byte[] body)
    {
        try
        {
            using var response = await _client!.PostWebhookAsync(eventName, body, ActionBotApplication.WebhookSecret);
            return response.StatusCode;
        }
        catch (HttpRequestException)
        {
            // Only a kill may cut the answer off; anything else is the test's failure.
            return await ExitedAsync() == KilledExitCode ? null : throw new InvalidOperationException($"The webhook failed:\n{Output}");
        }
    }

    /// <summary>SIGKILL's exit code (128 + 9), as a shell reports it.</summary>
    public const int KilledExitCode = 137;

    /// <summary>Waits for the process to end; its exit code.</summary>
    public async Task<int> ExitedAsync()
    {
        await _process.WaitForExitAsync().WaitAsync(LifeLimit);
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        _client?.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    // The test host runs under the dotnet host, which names itself to child processes in DOTNET_HOST_PATH.
    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";

    private void Read(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }

        if (line.StartsWith(ListeningLine, StringComparison.Ordinal))
        {
            // Kestrel names the address it bound ("http://127.0.0.1:41234"); the client calls it by that.
            _listening.TrySetResult(new Uri(line[ListeningLine.Length..]));
        }
        else if (line.StartsWith(CrashLine, StringComparison.Ordinal))
        {
            KilledAt = line[CrashLine.Length..];
        }
    }
}
