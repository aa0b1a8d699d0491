using System.Text;

namespace ActionBot.Core.Extraction.Text;

/// <summary>
/// A copy of a document that Markdig can always parse: indentation and repeated list / quote markers
/// removed, inline markers escaped. Used only when the real text is nested deeper than Markdig allows;
/// lines stay where they were, so line numbers still point at the source.
/// </summary>
internal static class FlatMarkdown
{
    public static string From(string markdown)
    {
        var builder = new StringBuilder(markdown.Length + markdown.Length / 8);
        foreach (var rawLine in markdown.Split('\n'))
        {
            var line = rawLine.TrimEnd('\r').TrimStart();
            var body = SkipMarkers(line, out var marker);
            builder.Append(marker);
            foreach (var c in body)
            {
                if (c is '*' or '_' or '[' or ']' or '`' or '<' or '>' or '!' or '~' or '|' or '\\')
                {
                    builder.Append('\\');
                }

                builder.Append(c);
            }

            builder.Append('\n');
        }

        return builder.ToString();
    }

    // Keeps one list or quote marker; drops the rest ("- - - - x" becomes "- x").
    private static string SkipMarkers(string line, out string marker)
    {
        marker = string.Empty;
        var rest = line.AsSpan();
        int length;
        while ((length = ListMarker.Length(rest)) > 0)
        {
            if (marker.Length == 0)
            {
                marker = rest[..length].ToString();
            }

            rest = rest[length..].TrimStart();
        }

        return rest.ToString();
    }
}
