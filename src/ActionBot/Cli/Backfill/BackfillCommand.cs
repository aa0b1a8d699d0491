using System.CommandLine;
using ActionBot.GitHub.Api;
using ActionBot.GitHub.Backfill;
using ActionBot.Storage;
using Microsoft.Extensions.Options;

namespace ActionBot.Cli.Backfill;

/// <summary>
/// <c>backfill [--repo OWNER/NAME] [--apply]</c> (INTERFACES §1): the postmortems already on the default branch of the
/// configured repositories, and per postmortem the issues ingesting it would open; with <c>--apply</c>, ingested by the
/// same path as a merge. Progress on standard error, the report on standard output. Other <c>--ActionBot:...</c>
/// arguments are configuration, as for <c>serve</c>.
/// </summary>
internal static class BackfillCommand
{
    public static Command Create(CliConsole console, Action<IServiceCollection>? testServices)
    {
        ArgumentNullException.ThrowIfNull(console);
        var repository = new Option<string?>("--repo")
        {
            Description = "Only this configured repository (OWNER/NAME); all of them by default.",
            HelpName = "OWNER/NAME",
        };
        var apply = new Option<bool>("--apply")
        {
            Description = "Open the issues (exactly once: running it again opens nothing new). Without it, only shows what it would open.",
        };
        var command = new Command(
            "backfill",
            "Show (or with --apply open) the issues of the postmortems already on the default branch of the configured repositories. Uses the serve configuration and storage.")
        {
            repository,
            apply,
        };

        // Configuration arguments (--ActionBot:GitHub:Token=...) pass through to the host, as serve takes them.
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((parse, cancellationToken) => RunAsync(
            parse.UnmatchedTokens, parse.GetValue(repository), parse.GetValue(apply), console, testServices, cancellationToken));
        return command;
    }

    // Unmatched tokens are configuration (--ActionBot:GitHub:Token=... or --ActionBot:GitHub:Token ...); anything else
    // is a mistyped option, which the host's command-line provider would otherwise take as a key that swallows the next.
    private static string? NotConfiguration(IReadOnlyList<string> tokens)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (!token.StartsWith("--", StringComparison.Ordinal) || !token.Contains(':', StringComparison.Ordinal))
            {
                return token;
            }

            i += token.Contains('=', StringComparison.Ordinal) ? 0 : 1;
        }

        return null;
    }

    private static async Task<int> RunAsync(
        IReadOnlyList<string> configuration, string? repository, bool apply, CliConsole console, Action<IServiceCollection>? testServices, CancellationToken cancellationToken)
    {
        var (host, problem) = NotConfiguration(configuration) is { } unknown
            ? (null, $"backfill does not know '{CliText.Clean(unknown)}': its options are --repo and --apply; settings are given as --ActionBot:Section:Key=value.")
            : BackfillHost.Create(configuration, repository, console, testServices);
        if (host is null)
        {
            await console.Error.WriteLineAsync($"actionbot: {problem}").ConfigureAwait(false);
            return ExitCodes.BadUsage;
        }

        await using (host.ConfigureAwait(false))
        {
            var services = host.Services;
            var run = new BackfillRun(
                services.GetRequiredService<PostmortemBackfill>(),
                new BackfillProgress(console, services.GetRequiredService<TimeProvider>(), services.GetRequiredService<IOptions<GitHubOptions>>().Value.MinimumWriteInterval),
                new BackfillReport(console.Out, apply));
            try
            {
                await services.GetRequiredService<SchemaMigrator>().MigrateAsync(cancellationToken).ConfigureAwait(false);
                return await run.RunAsync(repository, apply, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                await console.Error.WriteLineAsync("actionbot: backfill interrupted; run it again to pick up where it stopped (nothing is opened twice).").ConfigureAwait(false);
                return ExitCodes.RuntimeFailure;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                await console.Error.WriteLineAsync($"actionbot: backfill stopped: {CliText.Clean(e.Message)}. Run it again to pick up where it stopped (nothing is opened twice).").ConfigureAwait(false);
                return ExitCodes.RuntimeFailure;
            }
        }
    }
}
