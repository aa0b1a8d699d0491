using ActionBot.Cli.Formatters;
using ActionBot.Core.Extraction;

namespace ActionBot.Tests.Cli.Formatters;

/// <summary>Hand-built extraction results, so formatters are tested independently of the extractor.</summary>
internal static class Postmortems
{
    public static ActionItem Item(
        string title,
        string? details = null,
        string[]? owners = null,
        DateOnly? due = null,
        string? priority = null,
        ActionItemKind? kind = null,
        bool done = false,
        int line = 12) => new()
        {
            Id = "ai-" + title.Length.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Title = title,
            Details = details,
            Section = "Action items",
            Owners = owners ?? [],
            Due = due,
            Priority = priority,
            Kind = kind,
            Done = done,
            Line = line,
        };

    public static ExtractedPostmortem One(string source, string? title, DateOnly? date, params ActionItem[] items) =>
        new(source, new ExtractionResult(title, date, items, []));
}
