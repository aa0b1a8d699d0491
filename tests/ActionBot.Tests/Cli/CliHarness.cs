using System.Text;
using ActionBot.Cli;
using Microsoft.Extensions.DependencyInjection;

namespace ActionBot.Tests.Cli;

/// <summary>What one in-process run of the executable printed and returned.</summary>
internal sealed record CliRun(int ExitCode, string Out, string Error)
{
    public string[] OutLines => Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}

/// <summary>Runs the CLI in-process with captured streams, as a shell would run the executable.</summary>
internal static class CliHarness
{
    public static Task<CliRun> RunAsync(params string[] args) => RunWithInputAsync([], args);

    public static Task<CliRun> RunWithInputAsync(string standardInput, params string[] args) =>
        RunWithInputAsync(Encoding.UTF8.GetBytes(standardInput), args);

    public static Task<CliRun> RunWithInputAsync(byte[] standardInput, params string[] args) =>
        RunAsync(standardInput, args, testServices: null, CancellationToken.None);

    /// <summary>A run whose services (of a verb that builds serve's, as <c>backfill</c>) a test changes, stopped by <paramref name="cancellationToken"/> as by Ctrl+C.</summary>
    public static async Task<CliRun> RunAsync(byte[] standardInput, string[] args, Action<IServiceCollection>? testServices, CancellationToken cancellationToken)
    {
        using var input = new MemoryStream(standardInput);
        using var output = new StringWriter { NewLine = "\n" };
        using var error = new StringWriter { NewLine = "\n" };
        var exitCode = await ActionBotCli.RunAsync(args, new CliConsole(input, output, error, CliConsole.DefaultWidth), testServices, cancellationToken);
        return new CliRun(exitCode, output.ToString(), error.ToString());
    }
}

/// <summary>A scratch folder removed after the test; paths inside it are written with forward slashes.</summary>
internal sealed class TempFolder : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "actionbot-tests", Guid.NewGuid().ToString("N"));

    public TempFolder() => Directory.CreateDirectory(Path);

    public string Write(string relativePath, string text) => WriteBytes(relativePath, Encoding.UTF8.GetBytes(text));

    public string WriteBytes(string relativePath, byte[] bytes)
    {
        var full = System.IO.Path.Combine(Path, relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, bytes);
        return full;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
