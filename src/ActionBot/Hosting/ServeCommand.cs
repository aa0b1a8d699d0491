using System.Reflection;
using ActionBot.Cli;

namespace ActionBot.Hosting;

/// <summary>Runs the bot: <c>actionbot</c>, <c>actionbot serve</c>, or any host option such as <c>--urls</c>.</summary>
public static class ServeCommand
{
    private const string HostCategory = "Microsoft.Extensions.Hosting.Internal.Host";

    private static readonly HashSet<string> CliWords = new(StringComparer.Ordinal) { "extract", "--help", "-h", "-?", "help", "--version" };

    /// <summary>True when the arguments ask for the bot itself rather than a CLI verb.</summary>
    public static bool IsServe(string[] args) =>
        args.Length == 0 || (args[0] == "serve" && !args.Contains("--help")) || (args[0].StartsWith('-') && !CliWords.Contains(args[0]));

    // Run by a test host (WebApplicationFactory runs this entry point inside its own process), a failed start must reach
    // it as the exception it is.
    private static bool IsTheProcess => Assembly.GetEntryAssembly() == typeof(ServeCommand).Assembly;

    public static string[] HostArguments(string[] args) => args.Length > 0 && args[0] == "serve" ? args[1..] : args;

    public static async Task<int> RunAsync(string[] args)
    {
        // The app's own settings (appsettings.json: its log levels) lie beside the executable, wherever it is started
        // from; data/ and the paths given to extract stay relative to the caller's folder (the working directory).
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = HostArguments(args), ContentRootPath = AppContext.BaseDirectory });

        // The host logs a failed start (options that do not validate, a port in use) with its stack trace; it is reported
        // below instead, once, in a line a person reads.
        var started = new TaskCompletionSource();
        builder.Logging.AddFilter(HostCategory, level => level >= LogLevel.Information && (level < LogLevel.Error || started.Task.IsCompleted));
        try
        {
            builder.AddActionBot();
            await using var app = builder.Build();
            app.UseActionBot();
            app.Lifetime.ApplicationStarted.Register(() => started.TrySetResult());
            await app.RunAsync();
            return ExitCodes.Success;
        }
        catch (Exception error) when (!started.Task.IsCompleted && IsTheProcess)
        {
            // A failure we can describe is a line a person acts on; any other is a bug, and its stack trace is what helps.
            var failure = StartupFailure.Describe(error) ?? new StartupFailure(ExitCodes.RuntimeFailure, [$"failed to start: {error}"]);
            foreach (var line in failure.Lines)
            {
                await Console.Error.WriteLineAsync($"actionbot: {line}");
            }

            return failure.ExitCode;
        }
    }
}
