using Markdig;
using Markdig.Parsers;
using Markdig.Syntax;

namespace ActionBot.Core.Extraction.Text;

/// <summary>
/// Paragraphs whose inlines (emphasis, links, code) are parsed only when the extractor reads them. Most of a
/// postmortem (timeline, root cause, impact) is never read, and inline parsing is half the cost of a Markdig parse.
/// Paragraphs that may hold a pipe table ('|') are parsed as usual: Markdig finds tables during inline parsing.
/// </summary>
internal static class LazyInlines
{
    private static readonly object ProcessorKey = new();

    /// <summary>The pipeline the extractor parses with, and the inline parsers it defers.</summary>
    public static (MarkdownPipeline Pipeline, InlineParserList Parsers) Build(Func<MarkdownPipelineBuilder> configure)
    {
        var builder = configure();
        builder.BlockParsers.Find<ParagraphBlockParser>()!.Closed += (_, block) =>
        {
            if (block is ParagraphBlock paragraph && !HasPipe(paragraph.Lines))
            {
                paragraph.ProcessInlines = false;
            }
        };

        var pipeline = builder.Build();
        return (pipeline, new InlineParserList(builder.InlineParsers));
    }

    /// <summary>Gets the document ready to parse its deferred paragraphs on demand (with line positions, as pipe tables have them).</summary>
    public static void Attach(MarkdownDocument document, InlineParserList parsers) =>
        document.SetData(ProcessorKey, new InlineProcessor(document, parsers, preciseSourcelocation: true, context: null));

    /// <summary>The paragraph's inlines, parsed now if they were deferred.</summary>
    public static Markdig.Syntax.Inlines.ContainerInline? Of(LeafBlock block)
    {
        if (block.Inline is null && !block.ProcessInlines && block.Lines.Count > 0 && Processor(block) is { } processor)
        {
            processor.ProcessInlineLeaf(block);
        }

        return block.Inline;
    }

    /// <summary>True when the paragraph's inlines were deferred and not parsed yet: read its raw lines instead.</summary>
    public static bool IsDeferred(LeafBlock block) => block.Inline is null && !block.ProcessInlines;

    private static InlineProcessor? Processor(Block block)
    {
        var root = block;
        while (root.Parent is { } parent)
        {
            root = parent;
        }

        return root.GetData(ProcessorKey) as InlineProcessor;
    }

    private static bool HasPipe(Markdig.Helpers.StringLineGroup lines)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines.Lines[i].Slice.AsSpan().Contains('|'))
            {
                return true;
            }
        }

        return false;
    }
}
