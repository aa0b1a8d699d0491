using System.Diagnostics;
using System.Text.RegularExpressions;

namespace ActionBot.Tests.Infrastructure;

/// <summary>
/// The real executable as a user starts it (<c>dotnet ActionBot.dll serve ...</c>), in a child process of its own: its own
/// working folder, environment and heap, standard output and error captured line by line. Disposing it kills the
/// process if it still runs.
/// </summary>
internal sealed partial class ServeProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Lock _sync = new();
    private readonly List<string> _output = [];
    private readonly List<string> _error = [];
    private readonly List<(Func<string, bool> Matches, int Count, TaskCompletionSource Seen)> _waits = [];
    private readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Task _drained;

    private ServeProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, line) => Add(_output, line.Data);
        _process.ErrorDataReceived += (_, line) => Add(_error, line.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        // Exit (with every line read) ends any wait for a line that never came.
        _drained = _process.WaitForExitAsync();
        _drained.ContinueWith(_ => _listening.TrySetException(new InvalidOperationException($"serve exited with {_process.ExitCode} before listening.")), TaskScheduler.Default);
    }

    /// <summary>Lines written to standard output so far.</summary>
    public IReadOnlyList<string> Output
    {
        get
        {
            lock (_sync)
            {
                return [.. _output];
            }
        }
    }

    /// <summary>Lines written to standard error so far.</summary>
    public IReadOnlyList<string> Error
    {
        get
        {
            lock (_sync)
            {
                return [.. _error];
            }
        }
    }

    public bool HasExited => _process.HasExited;

    /// <summary>
    /// Starts <c>ActionBot.dll</c> (the build beside the tests) with <paramref name="args"/> in <paramref name="workingFolder"/>.
    /// The environment is the test's minus any ASP.NET or ActionBot setting, plus <paramref name="environment"/>. With
    /// <paramref name="withTestAssembly"/> it runs under this test assembly's dependency list, so that a hosting startup
    /// of this assembly named in <c>ASPNETCORE_HOSTINGSTARTUPASSEMBLIES</c> loads (<see cref="BotProcess"/>).
    /// </summary>
    public static ServeProcess Start(string workingFolder, IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null, bool withTestAssembly = false)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = workingFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (withTestAssembly)
        {
            var tests = Path.Combine(AppContext.BaseDirectory, typeof(ServeProcess).Assembly.GetName().Name!);
            foreach (var arg in (string[])["exec", "--runtimeconfig", $"{tests}.runtimeconfig.json", "--depsfile", $"{tests}.deps.json"])
            {
                start.ArgumentList.Add(arg);
            }
        }

        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "ActionBot.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var key in start.Environment.Keys.Where(IsInherited).ToList())
        {
            start.Environment.Remove(key);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        return new ServeProcess(Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start."));
    }

    /// <summary>The address from Kestrel's "Now listening on" line (the real port when started with port 0).</summary>
    public Task<Uri> ListeningAsync(TimeSpan? limit = null) => _listening.Task.WaitAsync(limit ?? ActionBotApplication.WaitLimit);

    /// <summary>Completes once <paramref name="count"/> lines of standard output match; fails if the process exits first.</summary>
    public Task WaitForOutputAsync(Func<string, bool> matches, int count = 1)
    {
        var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_sync)
        {
            if (_output.Count(matches) >= count)
            {
                return Task.CompletedTask;
            }

            _waits.Add((matches, count, seen));
        }

        _drained.ContinueWith(_ => seen.TrySetException(new InvalidOperationException("serve exited before the expected output.")), TaskScheduler.Default);
        return seen.Task.WaitAsync(ActionBotApplication.WaitLimit);
    }

    /// <summary>The exit code, once the process has ended on its own.</summary>
    public async Task<int> ExitCodeAsync(TimeSpan? limit = null)
    {
        await _process.WaitForExitAsync().WaitAsync(limit ?? ActionBotApplication.WaitLimit);
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
        _process.Dispose();
    }

    private static bool IsInherited(string key) =>
        key.StartsWith("ASPNETCORE_", StringComparison.OrdinalIgnoreCase)
        || key.StartsWith("DOTNET_URLS", StringComparison.OrdinalIgnoreCase)
        || key.StartsWith("DOTNET_ENVIRONMENT", StringComparison.OrdinalIgnoreCase)
        || key.StartsWith("ActionBot__", StringComparison.OrdinalIgnoreCase)
        || key.StartsWith("Logging__", StringComparison.OrdinalIgnoreCase);

    private void Add(List<string> lines, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_sync)
        {
            lines.Add(line);
            if (ReferenceEquals(lines, _output))
            {
                if (ListeningLine().Match(line) is { Success: true } listening)
                {
                    _listening.TrySetResult(new Uri(listening.Groups["address"].Value));
                }

                foreach (var wait in _waits.Where(w => _output.Count(w.Matches) >= w.Count).ToList())
                {
                    _waits.Remove(wait);
                    wait.Seen.TrySetResult();
                }
            }
        }
    }

    [GeneratedRegex(@"Now listening on: (?<address>http://\S+)")]
    private static partial Regex ListeningLine();
}
