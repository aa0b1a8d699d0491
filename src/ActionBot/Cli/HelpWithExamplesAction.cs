using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.Globalization;

namespace ActionBot.Cli;

/// <summary>The standard help, followed by an Examples section: usage is learned faster from examples.</summary>
/// <param name="clearsParseErrors">True for <c>--help</c>, which must work on an incomplete command line.</param>
internal sealed class HelpWithExamplesAction(HelpAction standardHelp, IReadOnlyList<string> examples, bool clearsParseErrors)
    : SynchronousCommandLineAction
{
    public override bool ClearsParseErrors => clearsParseErrors;

    public override int Invoke(ParseResult parseResult)
    {
        var exitCode = standardHelp.Invoke(parseResult);
        var output = parseResult.InvocationConfiguration.Output;
        var executable = parseResult.RootCommandResult.Command.Name;
        output.WriteLine("Examples:");
        foreach (var example in examples)
        {
            output.WriteLine("  " + string.Format(CultureInfo.InvariantCulture, example, executable));
        }

        output.WriteLine();
        return exitCode;
    }
}
