using System.Buffers;
using System.Text;
using Markdig.Extensions.TaskLists;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace ActionBot.Core.Extraction.Text;

/// <summary>One source line of a paragraph as plain text.</summary>
internal readonly record struct TextLine(string Text, int Line);

/// <summary>A paragraph as plain text: Markdown syntax gone, link text kept, images dropped.</summary>
internal sealed record PlainParagraph(string Text, string? LeadIn, bool? Checked, IReadOnlyList<TextLine> Lines)
{
    public static readonly PlainParagraph Empty = new(string.Empty, null, null, []);

    /// <summary>The target of the first link in the paragraph, if any (a ticket column's link).</summary>
    public string? FirstLinkUrl { get; init; }
}

/// <summary>Turns Markdig inlines into plain text without recursion, so any nesting depth is safe.</summary>
internal static class InlineText
{
    /// <summary>A paragraph as plain text, its inlines parsed first if they were deferred.</summary>
    public static PlainParagraph Read(LeafBlock block) => Read(LazyInlines.Of(block), block.Line + 1);

    /// <summary>True when a paragraph could be a label; for a deferred paragraph, judged on its raw first line.</summary>
    public static bool MayBeLabel(LeafBlock block, int maxFirstLineLength)
    {
        if (!LazyInlines.IsDeferred(block))
        {
            return MayBeLabel(block.Inline, maxFirstLineLength);
        }

        var first = block.Lines.Lines[0].Slice.AsSpan().Trim();
        return first.StartsWith("**") || first.StartsWith("__") || first.Length <= maxFirstLineLength;
    }

    /// <summary>True when a paragraph may hold a generic marker or a glued label; for a deferred paragraph, judged on its raw lines.</summary>
    public static bool MayHoldLabel(LeafBlock block)
    {
        if (!LazyInlines.IsDeferred(block))
        {
            return MayHoldLabel(block.Inline);
        }

        for (var i = 0; i < block.Lines.Count; i++)
        {
            var line = block.Lines.Lines[i].Slice.AsSpan();
            if ((line.Contains(':') && line.ContainsAny(LabelWords)) || (i > 0 && IsBareSectionLine(line.Trim(), block.Lines.Lines[i - 1].Slice.AsSpan().TrimEnd())))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when the paragraph ends in a colon ("Monitoring:", "**Short term:**"); for a deferred paragraph, on its raw text.</summary>
    public static bool EndsWithColon(LeafBlock block) =>
        LazyInlines.IsDeferred(block)
            ? block.Lines.Lines[block.Lines.Count - 1].Slice.AsSpan().TrimEnd().TrimEnd("*_ ").EndsWith(":")
            : EndsWithColon(block.Inline);

    public static PlainParagraph Read(ContainerInline? root, int firstLine)
    {
        // One buffer for the whole paragraph; line breaks are remembered as offsets, not copied out.
        var text = Buffer();
        List<(int Offset, int Line)>? breaks = null;
        string? leadIn = null;
        string? firstLink = null;
        bool? isChecked = null;
        for (var inline = root?.FirstChild; inline is not null; inline = Next(inline, root!))
        {
            switch (inline)
            {
                case TaskList task:
                    isChecked ??= task.Checked;
                    break;
                case LineBreakInline:
                    // Markdig lines are 0-based; the break ends the 0-based line it stands on.
                    (breaks ??= []).Add((text.Length, inline.Line + 2));
                    text.Append(' ');
                    break;
                case LinkInline { IsImage: true }:
                    break;
                case ContainerInline container:
                    if (container is LinkInline link)
                    {
                        firstLink ??= link.Url;
                    }

                    if (leadIn is null && text.Length == 0 && IsBold(container))
                    {
                        leadIn = LeadInOf(container);
                    }

                    break;
                default:
                    AppendLeaf(text, inline);
                    break;
            }
        }

        var raw = text.ToString();
        var folded = TextFolding.Fold(raw);
        var lines = breaks is null ? [new TextLine(folded, firstLine)] : Lines(raw, breaks, firstLine);
        return new PlainParagraph(folded, leadIn, isChecked, lines) { FirstLinkUrl = firstLink };
    }

    // Depth-first order through Parent links: no stack to allocate, no recursion to overflow.
    // Images are not entered: their alt text is not part of the entry.
    private static Inline? Next(Inline inline, ContainerInline root)
    {
        if (inline is ContainerInline { FirstChild: { } child } and not LinkInline { IsImage: true })
        {
            return child;
        }

        for (var node = inline; node is not null && node != root; node = node.Parent)
        {
            if (node.NextSibling is { } sibling)
            {
                return sibling;
            }
        }

        return null;
    }

    [ThreadStatic]
    private static StringBuilder? _buffer;

    // Reused per thread: a paragraph's text is copied out with ToString before the buffer is used again.
    private static StringBuilder Buffer()
    {
        var buffer = _buffer ??= new StringBuilder(256);
        buffer.Clear();
        return buffer;
    }

    /// <summary>True when a paragraph could be a label: it opens with bold text or its first line is short.</summary>
    public static bool MayBeLabel(ContainerInline? root, int maxFirstLineLength)
    {
        var length = 0;
        for (var inline = root?.FirstChild; inline is not null && inline is not LineBreakInline; inline = inline.NextSibling)
        {
            if (inline is EmphasisInline { DelimiterCount: >= 2 } && length == 0)
            {
                return true;
            }

            length += inline is LiteralInline literal ? literal.Content.Length : 8;
            if (length > maxFirstLineLength)
            {
                return false;
            }
        }

        return true;
    }

    // Words that may open an entry ("Action item:") or a section ("... Corrective measures: ...") inside a long paragraph.
    private static readonly SearchValues<string> LabelWords = SearchValues.Create(
        ["action item", "action point", "todo:", "to-do:", "to do:", "follow-up", "follow up", "next step", "task:", "measures:", "actions:", "tasks:", "steps:", "remediation:", "improvements:", "prevention:"],
        StringComparison.OrdinalIgnoreCase);

    // "Corrective and preventive measures" on a line of its own inside a paragraph: a section named without Markdown.
    private const int MaxBareSectionLine = 60;

    private static readonly SearchValues<string> SectionWords = SearchValues.Create(
        ["measures", "action", "steps", "tasks", "todo", "to do", "prevent", "follow", "improvement", "remediation", "corrective", "lessons"],
        StringComparison.OrdinalIgnoreCase);

    private static bool IsBareSectionLine(ReadOnlySpan<char> line, ReadOnlySpan<char> before) =>
        line.Length is > 3 and <= MaxBareSectionLine && char.IsUpper(line[0]) && char.IsLetter(line[^1]) && before.Length > 0 && before[^1] is '.' or '!' or '?'
        && line.Count(' ') < 6 && line.ContainsAny(SectionWords);

    /// <summary>True when a long paragraph may hold a generic marker or a label glued to its text; most prose holds neither.</summary>
    public static bool MayHoldLabel(ContainerInline? root)
    {
        for (var inline = root?.FirstChild; inline is not null; inline = Next(inline, root!))
        {
            // Every marker and glued label carries a colon: most prose has none, and the colon is found fastest.
            if (inline is LiteralInline literal && literal.Content.AsSpan() is var text && text.Contains(':') && text.ContainsAny(LabelWords))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when the paragraph's last words end in a colon ("Monitoring:", "**Short term:**"), read without copying it.</summary>
    public static bool EndsWithColon(ContainerInline? root)
    {
        var inline = root?.LastChild;
        while (inline is ContainerInline { LastChild: { } last } and not LinkInline)
        {
            inline = last;
        }

        if (inline is LiteralInline literal)
        {
            var content = literal.Content.AsSpan().TrimEnd();
            return content.EndsWith(":") || (content.IsEmpty && inline.Parent is EmphasisInline);
        }

        return false;
    }

    private static List<TextLine> Lines(string raw, List<(int Offset, int Line)> breaks, int firstLine)
    {
        var lines = new List<TextLine>(breaks.Count + 1);
        var (start, line) = (0, firstLine);
        foreach (var (offset, next) in breaks)
        {
            lines.Add(new TextLine(TextFolding.Fold(raw[start..offset]), line));
            (start, line) = (offset + 1, next);
        }

        lines.Add(new TextLine(TextFolding.Fold(raw[start..]), line));
        return lines;
    }

    private static bool IsBold(ContainerInline container) =>
        container is EmphasisInline { DelimiterCount: >= 2 } && (container.PreviousSibling is null or TaskList || IsBlank(container.PreviousSibling));

    private static bool IsBlank(Inline inline) => inline is LiteralInline literal && literal.Content.IsEmptyOrWhitespace();

    // The bold label plus a colon right after it, as it reads in the plain text ("Automate monitoring:").
    private static string LeadInOf(ContainerInline bold)
    {
        var label = new StringBuilder();
        for (var inline = bold.FirstChild; inline is not null; inline = Next(inline, bold))
        {
            AppendLeaf(label, inline);
        }

        var text = TextFolding.Fold(label.ToString());
        return bold.NextSibling is LiteralInline after && after.Content.ToString().TrimStart().StartsWith(':') ? text + ":" : text;
    }

    private static void AppendLeaf(StringBuilder text, Inline inline)
    {
        switch (inline)
        {
            case LiteralInline literal:
                text.Append(literal.Content.AsSpan());
                break;
            case CodeInline code:
                text.Append(code.Content);
                break;
            case HtmlEntityInline entity:
                text.Append(entity.Transcoded.AsSpan());
                break;
            case AutolinkInline autolink:
                text.Append(autolink.Url);
                break;
        }
    }
}
