using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace ActionBot.Cli;

/// <summary>The command tree of the ActionBot executable and its entry point.</summary>
public static class ActionBotCli
{
    /// <param name="testServices">Changes to the services a verb that uses serve's (<c>backfill</c>) builds: tests only.</param>
    public static RootCommand Build(CliConsole console, Action<IServiceCollection>? testServices = null)
    {
        ArgumentNullException.ThrowIfNull(console);
        var root = new RootCommand("ActionBot follows up the action items of postmortems. With no verb it runs the bot (serve).");
        root.Subcommands.Add(ServeVerb());
        var extract = ExtractCommand.Create(console);
        root.Subcommands.Add(extract);
        root.Subcommands.Add(Backfill.BackfillCommand.Create(console, testServices));

        var help = root.Options.OfType<HelpOption>().Single();
        var defaultHelp = (HelpAction)help.Action!;
        defaultHelp.MaxWidth = console.Width;
        help.Action = new HelpWithExamplesAction(defaultHelp, ExtractCommand.Examples, clearsParseErrors: true);

        // Program sends a bare invocation to serve; here (tests, embedding) it teaches rather than fails.
        root.Action = new HelpWithExamplesAction(defaultHelp, ExtractCommand.Examples, clearsParseErrors: false);
        return root;
    }

    // `serve` itself is started by Program before the command line is parsed (it takes host options
    // such as --urls); it is declared here so that help lists it and `serve --help` explains it.
    private static Command ServeVerb() => new(
        "serve",
        $"Runs the bot (the default with no verb) on {Hosting.ActionBotHostExtensions.DefaultUrl}, or where --urls says. Keys: appsettings.example.json.");

    public static async Task<int> RunAsync(string[] args, CliConsole console, Action<IServiceCollection>? testServices = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(console);
        var parse = Build(console, testServices).Parse(args);

        // System.CommandLine answers parse errors with 1; we promise 2 for bad usage.
        if (parse.Action is ParseErrorAction)
        {
            foreach (var error in parse.Errors)
            {
                await console.Error.WriteLineAsync($"actionbot: {error.Message}").ConfigureAwait(false);
            }

            var root = parse.RootCommandResult.Command;
            var command = parse.CommandResult.Command == root ? root.Name : $"{root.Name} {parse.CommandResult.Command.Name}";
            await console.Error.WriteLineAsync($"Run '{command} --help' for usage.").ConfigureAwait(false);
            return ExitCodes.BadUsage;
        }

        var invocation = new InvocationConfiguration { Output = console.Out, Error = console.Error };
        return await parse.InvokeAsync(invocation, cancellationToken).ConfigureAwait(false);
    }
}
