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

    /// <summary>Cuts from the start: the end of a path (the file name) is the part worth keeping.</summary>
    public static string TruncateStart(string text, int width) =>
        text.Length <= width ? text : width <= 1 ? Truncate(text, width) : Ellipsis + text[^(width - 1)..];
}
