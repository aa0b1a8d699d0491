using System.CommandLine;
using ActionBot.Cli.Formatters;
using ActionBot.Core.Extraction;

namespace ActionBot.Cli;

/// <summary><c>extract [--format table|json|markdown] PATH...</c>: prints the action items of postmortems.</summary>
public static class ExtractCommand
{
    /// <summary>Help examples; <c>{0}</c> is the executable name.</summary>
    public static readonly string[] Examples =
    [
        "{0}                      # runs the bot on http://127.0.0.1:5080",
        "{0} serve --urls http://0.0.0.0:8080",
        "{0} extract src/ActionBot/Samples",
        "{0} extract --format json postmortems/2024-02-14-cache.md",
        "{0} extract --format markdown postmortems/2025 > checklist.md",
        "cat pm.md | {0} extract -",
        "{0} backfill                          # what it would open for the postmortems already on main",
        "{0} backfill --repo acme/handbook --apply",
        "dotnet run --project src/ActionBot -- extract src/ActionBot/Samples",
    ];

    public static Command Create(CliConsole console)
    {
        ArgumentNullException.ThrowIfNull(console);
        var format = new Option<string>("--format", "-f")
        {
            Description = "Output format: an aligned table for people, JSON for tools, or a Markdown checklist for an issue.",
            DefaultValueFactory = _ => ExtractFormat.Table,
            HelpName = string.Join('|', ExtractFormat.All),
        };
        format.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<string>();
            if (!ExtractFormat.All.Contains(value))
            {
                result.AddError($"Unknown --format '{value}': use {string.Join(", ", ExtractFormat.All)}.");
            }
        });

        var paths = new Argument<string[]>("PATH")
        {
            Description = "A postmortem file, a folder (every *.md below it), or - for standard input.",
            Arity = ArgumentArity.OneOrMore,
        };

        var command = new Command("extract", "Print the action items found in postmortems written in Markdown.") { format, paths };
        command.SetAction(parse =>
            Run(parse.GetRequiredValue(paths), ExtractFormat.Create(parse.GetRequiredValue(format), console.Width), console));
        return command;
    }

    private static int Run(IReadOnlyList<string> paths, IExtractFormatter formatter, CliConsole console)
    {
        var reader = new PostmortemSourceReader(console.Input);
        var extractor = new ActionItemExtractor();
        var extracted = new List<ExtractedPostmortem>();
        var exitCode = ExitCodes.Success;
        foreach (var source in paths.SelectMany(reader.Read))
        {
            if (source.Text is null)
            {
                console.Error.WriteLine($"actionbot: {source.Name}: {source.Error ?? "unreadable"}");
                exitCode = ExitCodes.BadUsage;
                continue;
            }

            var result = extractor.Extract(source.Text);
            foreach (var warning in result.Warnings)
            {
                console.Error.WriteLine($"{source.Name}:{warning.Line}: warning: {warning.Message}");
            }

            extracted.Add(new ExtractedPostmortem(source.Name, result));
        }

        // When nothing could be read there is nothing to report, not an empty report.
        if (extracted.Count > 0 || exitCode == ExitCodes.Success)
        {
            formatter.Write(extracted, console.Out);
        }

        return exitCode;
    }
}
