using System.Text.RegularExpressions;
using ActionBot.Cli;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Options;

namespace ActionBot.Hosting;

/// <summary>
/// A start-up failure as a person reads it: what is wrong, one line each, and the exit code INTERFACES §3 promises. A
/// configuration that cannot work (options validation, a value the binder cannot convert) is bad usage (2); a listen
/// address already in use is a runtime failure (1). Anything else is not described: it is a bug, and its stack trace is
/// what helps.
/// </summary>
public sealed partial record StartupFailure(int ExitCode, IReadOnlyList<string> Lines)
{
    public static StartupFailure? Describe(Exception error) => error switch
    {
        AggregateException all => Combine([.. all.Flatten().InnerExceptions.Select(Describe)]),
        OptionsValidationException invalid => new(ExitCodes.BadUsage, [.. invalid.Failures.Select(Reason).Distinct()]),

        // "Failed to convert configuration value 'x' at 'ActionBot:...' to type '...'": it names the key and the reason.
        InvalidOperationException { Source: "Microsoft.Extensions.Configuration.Binder" } unconvertible => new(ExitCodes.BadUsage, [unconvertible.Message]),
        IOException { InnerException: AddressInUseException } inUse => new(ExitCodes.RuntimeFailure, [inUse.Message]),
        _ => null,
    };

    private static StartupFailure? Combine(StartupFailure?[] failures) =>
        failures.Length == 0 || failures.Any(f => f is null)
            ? null
            : new StartupFailure(failures.Max(f => f!.ExitCode), [.. failures.SelectMany(f => f!.Lines).Distinct()]);

    // Data annotations wrap our message (which names the key) in their own: keep ours.
    private static string Reason(string failure) =>
        DataAnnotationFailure().Match(failure) is { Success: true } match ? match.Groups["error"].Value : failure;

    [GeneratedRegex(@"^DataAnnotation validation failed for '[^']*' members: '[^']*' with the error: '(?<error>.*)'\.$", RegexOptions.Singleline)]
    private static partial Regex DataAnnotationFailure();
}
