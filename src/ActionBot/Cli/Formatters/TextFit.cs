namespace ActionBot.Cli.Formatters;

/// <summary>Keeps free text on one line and within a column.</summary>
internal static class TextFit
{
    private const string Ellipsis = "…";

    /// <summary>Folds line breaks and tabs, which would break a table row or a checklist line.</summary>
    public static string Clean(string text) =>
        string.Join(' ', text.Split((char[])['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    /// <summary>Cuts <paramref name="text"/> to <paramref name="width"/> characters, at a word boundary when one is near.</summary>
    public static string Truncate(string text, int width)
    {
        if (text.Length <= width)
        {
            return text;
        }

        if (width <= 1)
        {
            return width == 1 ? Ellipsis : "";
        }

        var cut = text[..(width - 1)];
        var space = cut.LastIndexOf(' ');

        // A boundary far back would throw away more than it saves in readability.
        if (space >= width / 2)
        {
            cut = cut[..space];
        }

        return cut.TrimEnd() + Ellipsis;
    }

    /// <summary>Breaks <paramref name="text"/> into lines of at most <paramref name="width"/> characters, between words.</summary>
    public static IReadOnlyList<string> Wrap(string text, int width)
    {
        var lines = new List<string>();
        var line = new System.Text.StringBuilder();
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > width)
            {
                lines.Add(line.ToString());
                line.Clear();
            }

            // A single word wider than the column (a URL) is cut into column-wide pieces.
            var rest = word;
            while (line.Length == 0 && rest.Length > width)
            {
                lines.Add(rest[..width]);
                rest = rest[width..];
            }

            line.Append(line.Length > 0 ? " " : "").Append(rest);
        }

        lines.Add(line.ToString());
        return lines;
    }

    /// <summary>Cuts from the start: the end of a path (the file name) is the part worth keeping.</summary>
    public static string TruncateStart(string text, int width) =>
        text.Length <= width ? text : width <= 1 ? Truncate(text, width) : Ellipsis + text[^(width - 1)..];
}
