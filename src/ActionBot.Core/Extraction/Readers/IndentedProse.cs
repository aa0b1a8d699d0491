using ActionBot.Core.Extraction.Text;
using Markdig.Syntax;

namespace ActionBot.Core.Extraction.Readers;

/// <summary>
/// Lines indented four spaces, which Markdown renders as a code block, but which are plainly prose: a title
/// "centred" with spaces, a list of tasks typed with indentation. Real code and logs are left alone.
/// </summary>
internal static class IndentedProse
{
    // More than this many code-like characters per line, or fewer letters than this share of a line, reads as code.
    private const int MaxCodeCharsPerLine = 2;
    private const double MinLetterShare = 0.6;
    private const int MaxLines = 60;

    /// <summary>The block as a paragraph of plain lines, or null when it reads as code.</summary>
    public static PlainParagraph? Read(CodeBlock block)
    {
        var lines = new List<TextLine>();
        var group = block.Lines;
        if (group.Count > MaxLines)
        {
            return null;
        }

        for (var i = 0; i < group.Count; i++)
        {
            var text = TextFolding.Fold(group.Lines[i].Slice.ToString());
            if (text.Length == 0)
            {
                continue;
            }

            if (!IsProse(text))
            {
                return null;
            }

            lines.Add(new TextLine(text, block.Line + 1 + i));
        }

        return lines.Count == 0 ? null : new PlainParagraph(string.Join(' ', lines.Select(l => l.Text)), null, null, lines);
    }

    /// <summary>A line of words, not of code: few code characters, mostly letters.</summary>
    public static bool IsProse(string line)
    {
        if (line[0] is '$' or '#' or '/' or '<' or '{' or '}' or '[' or '(' or '`')
        {
            return false;
        }

        // "dig +short TXT", "kubectl get pods -n web", "/etc/nginx/...": a command line, whatever its words.
        foreach (var word in line.Split(' '))
        {
            if (word.Length > 1 && ((word[0] is '-' or '+' && char.IsLetter(word[^1])) || word.Count(c => c == '/') > 1))
            {
                return false;
            }
        }

        var (letters, code, nonSpace) = (0, 0, 0);
        foreach (var c in line)
        {
            letters += char.IsLetter(c) ? 1 : 0;
            code += c is '{' or '}' or '[' or ']' or ';' or '=' or '<' or '>' or '|' or '$' or '`' or '\\' or '_' ? 1 : 0;
            nonSpace += c == ' ' ? 0 : 1;
        }

        return code <= MaxCodeCharsPerLine && letters >= MinLetterShare * nonSpace && (line.Contains(' ', StringComparison.Ordinal) || IsWordLabel(line));
    }

    // "Tasks:", "Improvements/Fixes:": a one-word section label of an indented outline (a YAML key is lower case).
    private static bool IsWordLabel(string line) =>
        line.Length > 2 && line[^1] == ':' && char.IsUpper(line[0]) && line.AsSpan(0, line.Length - 1).ContainsAnyExcept(LabelChars) is false;

    private static readonly System.Buffers.SearchValues<char> LabelChars =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz/&-");
}
