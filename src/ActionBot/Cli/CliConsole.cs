using System.Text;

namespace ActionBot.Cli;

/// <summary>The streams and terminal width the CLI works with, so tests can run it in-process.</summary>
/// <param name="Width">Columns available to line-oriented output such as the table.</param>
public sealed record CliConsole(Stream Input, TextWriter Out, TextWriter Error, int Width)
{
    public const int DefaultWidth = 80;

    public static CliConsole FromSystemConsole()
    {
        // JSON and Markdown must be UTF-8 even where the console code page is not (Windows).
        Console.OutputEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        return new CliConsole(Console.OpenStandardInput(), Console.Out, Console.Error, TerminalWidth());
    }

    private static int TerminalWidth()
    {
        if (Console.IsOutputRedirected)
        {
            return DefaultWidth;
        }

        try
        {
            return Math.Max(Console.WindowWidth, DefaultWidth);
        }
        catch (IOException)
        {
            // Some hosts report a terminal but cannot size it.
            return DefaultWidth;
        }
    }
}
