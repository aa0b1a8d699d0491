using ActionBot.Core.Extraction.Fields;
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
    /// <summary>
    /// The Markdig pipeline a postmortem's Markdown is read with; immutable and shared. The extractor parses with the
    /// same extensions but defers the inlines of paragraphs until it reads them (<see cref="LazyInlines"/>).
    /// </summary>
    public static MarkdownPipeline Pipeline { get; } = Configure().Build();

    private static readonly (MarkdownPipeline Pipeline, Markdig.Parsers.InlineParserList Parsers) Deferring = LazyInlines.Build(Configure);

    private readonly (MarkdownPipeline Pipeline, Markdig.Parsers.InlineParserList Parsers) _deferring = Deferring;

    private static MarkdownPipelineBuilder Configure() => new MarkdownPipelineBuilder()
        .UseYamlFrontMatter()
        .UsePipeTables()
        .UseGridTables()
        .UseTaskLists();

    public ExtractionResult Extract(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var walker = new DocumentWalker();
        List<ActionItem> items;
        try
        {
            walker.Walk(Parse(markdown));
            items = EntrySelection.Build(walker);
        }
        catch (ArgumentException e) when (IsTooDeep(e))
        {
            // Markdig refuses absurd nesting (while parsing, or while parsing a deferred paragraph's inlines); read the
            // same lines flattened rather than nothing.
            walker = new DocumentWalker();
            walker.Warnings.Add(new ExtractionWarning(1, "Markdown is nested too deeply to parse; read as flat text, so nesting and emphasis are ignored"));
            walker.Walk(Parse(FlatMarkdown.From(markdown)));
            items = EntrySelection.Build(walker);
        }

        var title = walker.FrontMatter?.Title ?? DocumentHeading.Title(walker.Headings) ?? DocumentHeading.FirstLineTitle(markdown);
        var date = walker.FrontMatter?.Date ?? DocumentHeading.Date(title, markdown, walker.FirstTaskSectionLine);
        if (date is { } written)
        {
            items = items.ConvertAll(i => i.Due is null && DueDateParser.ParseDueWithoutYear(i.Text, written) is { } due ? i with { Due = due } : i);
        }

        return new ExtractionResult(title, date, UniqueIds(items), walker.Warnings.OrderBy(w => w.Line).ToList());
    }

    private MarkdownDocument Parse(string markdown)
    {
        var document = Markdown.Parse(markdown, _deferring.Pipeline);
        LazyInlines.Attach(document, _deferring.Parsers);
        return document;
    }

    private static bool IsTooDeep(ArgumentException e) => e.Message.Contains("nested", StringComparison.OrdinalIgnoreCase);

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
