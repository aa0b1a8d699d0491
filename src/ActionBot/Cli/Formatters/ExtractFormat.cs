namespace ActionBot.Cli.Formatters;

/// <summary>The values of <c>extract --format</c> and the formatter behind each.</summary>
public static class ExtractFormat
{
    public const string Table = "table";
    public const string Json = "json";
    public const string Markdown = "markdown";

    public static readonly string[] All = [Table, Json, Markdown];

    public static IExtractFormatter Create(string format, int width) => format switch
    {
        Table => new TableFormatter(width),
        Json => new JsonFormatter(),
        Markdown => new MarkdownFormatter(),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown output format."),
    };
}
