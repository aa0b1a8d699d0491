using System.Text;
using Markdig.Extensions.TaskLists;
using Markdig.Syntax.Inlines;

namespace ActionBot.Core.Extraction.Text;

/// <summary>One source line of a paragraph as plain text.</summary>
internal readonly record struct TextLine(string Text, int Line);

/// <summary>A paragraph as plain text: Markdown syntax gone, link text kept, images dropped.</summary>
internal sealed record PlainParagraph(string Text, string? LeadIn, bool? Checked, IReadOnlyList<TextLine> Lines);

/// <summary>Turns Markdig inlines into plain text without recursion, so any nesting depth is safe.</summary>
internal static class InlineText
{
    public static PlainParagraph Read(ContainerInline? root, int firstLine)
    {
        var lines = new List<TextLine>();
        var current = new StringBuilder();
        var whole = new StringBuilder();
        var line = firstLine;
        string? leadIn = null;
        bool? isChecked = null;
        var stack = new Stack<Inline>();
        if (root?.FirstChild is { } first)
        {
            stack.Push(first);
        }

        while (stack.Count > 0)
        {
            var inline = stack.Pop();
            if (inline.NextSibling is { } next)
            {
                stack.Push(next);
            }

            switch (inline)
            {
                case TaskList task:
                    isChecked ??= task.Checked;
                    break;
                case LineBreakInline:
                    lines.Add(new TextLine(TextFolding.Fold(current.ToString()), line));
                    current.Clear();
                    line = inline.Line + 2; // Markdig lines are 0-based; the break ends the 0-based line it stands on.
                    whole.Append(' ');
                    break;
                case LinkInline { IsImage: true }:
                    break;
                case ContainerInline container:
                    if (container.FirstChild is { } child)
                    {
                        stack.Push(child);
                    }

                    if (leadIn is null && whole.Length == 0 && IsBold(container))
                    {
                        leadIn = LeadInOf(container);
                    }

                    break;
                default:
                    var text = LeafText(inline);
                    current.Append(text);
                    whole.Append(text);
                    break;
            }
        }

        lines.Add(new TextLine(TextFolding.Fold(current.ToString()), line));
        return new PlainParagraph(TextFolding.Fold(whole.ToString()), leadIn, isChecked, lines);
    }

    private static bool IsBold(ContainerInline container) =>
        container is EmphasisInline { DelimiterCount: >= 2 } && (container.PreviousSibling is null or TaskList || IsBlank(container.PreviousSibling));

    private static bool IsBlank(Inline inline) => inline is LiteralInline literal && literal.Content.IsEmptyOrWhitespace();

    // The bold label plus a colon right after it, as it reads in the plain text ("Automate monitoring:").
    private static string LeadInOf(ContainerInline bold)
    {
        var label = Read(bold, 0).Text;
        return bold.NextSibling is LiteralInline after && after.Content.ToString().TrimStart().StartsWith(':')
            ? label + ":"
            : label;
    }

    private static string LeafText(Inline inline) => inline switch
    {
        LiteralInline literal => literal.Content.ToString(),
        CodeInline code => code.Content,
        HtmlEntityInline entity => entity.Transcoded.ToString(),
        AutolinkInline autolink => autolink.Url,
        HtmlInline => string.Empty,
        _ => string.Empty,
    };
}
