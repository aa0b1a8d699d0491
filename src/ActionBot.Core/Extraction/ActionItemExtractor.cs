using ActionBot.Core.Extraction.Readers;
using ActionBot.Core.Extraction.Text;
using Markdig;
using Markdig.Syntax;

namespace ActionBot.Core.Extraction;

/// <summary>
/// Finds the corrective and preventative tasks of a postmortem written in Markdown, walking Markdig's
/// syntax tree: sections named like action items, their lists, tables, checklists, raw HTML lists,
/// committing prose, and YAML front matter. Thread-safe; one instance serves the whole process.
/// </summary>
public sealed class ActionItemExtractor
{
    /// <summary>The Markdig pipeline every postmortem is parsed with; immutable and shared.</summary>
    public static MarkdownPipeline Pipeline { get; } = new MarkdownPipelineBuilder()
        .UseYamlFrontMatter()
        .UsePipeTables()
        .UseGridTables()
        .UseTaskLists()
        .Build();

    private readonly MarkdownPipeline _pipeline = Pipeline;

    public ExtractionResult Extract(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var walker = new DocumentWalker();
        walker.Walk(Parse(markdown, walker.Warnings));

        var items = EntrySelection.Build(walker);

        var title = walker.FrontMatter?.Title ?? DocumentHeading.Title(walker.Headings) ?? DocumentHeading.FirstLineTitle(markdown);
        var date = walker.FrontMatter?.Date ?? DocumentHeading.Date(title, markdown, walker.FirstTaskSectionLine);
        return new ExtractionResult(title, date, UniqueIds(items), walker.Warnings.OrderBy(w => w.Line).ToList());
    }

    private MarkdownDocument Parse(string markdown, List<ExtractionWarning> warnings)
    {
        try
        {
            return Markdown.Parse(markdown, _pipeline);
        }
        catch (ArgumentException e) when (e.Message.Contains("nested", StringComparison.OrdinalIgnoreCase))
        {
            // Markdig refuses absurd nesting; read the same lines flattened rather than nothing.
            warnings.Add(new ExtractionWarning(1, "Markdown is nested too deeply to parse; read as flat text, so nesting and emphasis are ignored"));
            return Markdown.Parse(FlatMarkdown.From(markdown), _pipeline);
        }
    }

    // The same words twice in one postmortem are two tasks: the second gets "-2" so ids stay unique.
    private static List<ActionItem> UniqueIds(List<ActionItem> items)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            var id = items[i].Id;
            seen[id] = seen.GetValueOrDefault(id) + 1;
            if (seen[id] > 1)
            {
                items[i] = items[i] with { Id = $"{id}-{seen[id]}" };
            }
        }

        return items;
    }
}
