using System.Text;
using ActionBot.Core.Extraction.Fields;
using ActionBot.Core.Extraction.Sections;
using ActionBot.Core.Extraction.Text;
using Markdig.Syntax;

namespace ActionBot.Core.Extraction.Readers;

/// <summary>
/// Reads the entries of a Markdown list. A nested list under a group label ("**Improvements/Fixes:**") holds
/// separate entries; a nested list under a task elaborates it and joins its text ("Add alerts for:" over noun
/// phrases is one task). A nested list indented like its parent's siblings is ragged typing, not nesting.
/// </summary>
internal static class ListEntryReader
{
    // Deeper nesting than this is no real postmortem; it is read as text of its parent, not walked further.
    private const int MaxDepth = 32;
    private const int MaxNounPhraseWords = 8;

    // Shared by every item without nested lists; never added to.
    private static readonly List<ListBlock> NoLists = [];

    /// <summary>A list of one entry that is only a label ("- Immediate Actions:"), with no entries of its own.</summary>
    public static string? SoleLabel(ListBlock list)
    {
        if (list.Count != 1 || list[0] is not ListItemBlock { Count: 1 } item || item[0] is not ParagraphBlock paragraph)
        {
            return null;
        }

        var own = InlineText.Read(paragraph);
        return own.Text.EndsWith(':') && ParagraphLabel.IsLabelLine(own.Text) ? ParagraphLabel.Clean(own.Text) : null;
    }

    /// <returns>The label that ends the list ("- Monitoring:" with its entries in the next list), if any.</returns>
    public static string? Read(ListBlock list, SectionContext section, int scope, List<EntryDraft> drafts, int depth = 0)
    {
        string? trailing = null;
        foreach (var block in list)
        {
            if (block is not ListItemBlock item)
            {
                continue;
            }

            // "- Short term:" standing alone in a flat list labels the entries after it.
            if (item.Count == 1 && LabelItem(item) is { } label)
            {
                (section, trailing) = (section.Within(label), label);
                continue;
            }

            trailing = null;
            ReadItem(item, list, section, scope, drafts, depth);
        }

        return trailing;
    }

    private static void ReadItem(ListItemBlock item, ListBlock parent, SectionContext section, int scope, List<EntryDraft> drafts, int depth)
    {
        List<ListBlock>? nested = null;
        List<ListBlock>? ragged = null;
        foreach (var block in item)
        {
            if (block is ListBlock list)
            {
                // "  - Next task" under "- Task" where other tasks also stand two spaces in: siblings typed unevenly.
                if (list.Count > 0 && HasSiblingAt(parent, list[0].Column))
                {
                    (ragged ??= []).Add(list);
                }
                else
                {
                    (nested ??= []).Add(list);
                }
            }
        }

        ReadOwn(item, nested ?? NoLists, section, scope, drafts, depth);
        foreach (var list in ragged ?? NoLists)
        {
            Read(list, section, scope, drafts, depth);
        }
    }

    private static bool HasSiblingAt(ListBlock parent, int column)
    {
        foreach (var block in parent)
        {
            if (block.Column == column)
            {
                return true;
            }
        }

        return false;
    }

    private static void ReadOwn(ListItemBlock item, List<ListBlock> nested, SectionContext section, int scope, List<EntryDraft> drafts, int depth)
    {
        if (!section.HoldsTasks && nested.Count == 0)
        {
            return; // outside a section of tasks only a group label, which has a nested list, can open one
        }

        var own = OwnParagraph(item);
        var label = GroupLabel(own, nested);
        if (label is not null || (own.Text.Length == 0 && own.Checked is null))
        {
            var inner = label is null ? section : section.Within(label);
            foreach (var list in nested)
            {
                if (depth < MaxDepth)
                {
                    Read(list, inner, scope, drafts, depth + 1);
                }
            }

            return;
        }

        if (!section.HoldsTasks || IsBareLabel(own))
        {
            return;
        }

        if (nested.Count == 0 && own.Lines.Count > 1 && FieldLinesReader.TryRead(own.Lines, section, scope, drafts))
        {
            return;
        }

        // "Alert on lag for:" over noun phrases reads as one list: "...for: the audit stream, the billing stream".
        var text = nested.Count == 0 ? own.Text : $"{own.Text} {NestedText(nested, own.Text.EndsWith(':') ? ", " : " ")}".Trim();
        var leadIn = own.LeadIn ?? (PlainLabel.Length(own.Text) is > 0 and var length ? own.Text[..length] : null);
        drafts.Add(new EntryDraft(text, item.Line + 1, section) { LeadIn = leadIn, Checked = own.Checked, Scope = scope });
    }

    private static string? LabelItem(ListItemBlock item)
    {
        if (item[0] is not ParagraphBlock paragraph || !InlineText.EndsWithColon(paragraph))
        {
            return null;
        }

        var own = InlineText.Read(paragraph);
        return own.Checked is null && own.Text.EndsWith(':') && ParagraphLabel.IsLabelLine(own.Text) && !Phrasing.IsToDo(own.Text)
            ? ParagraphLabel.Clean(own.Text)
            : null;
    }

    /// <summary>The item's own text: its paragraphs and other leaf blocks, not its nested lists.</summary>
    private static PlainParagraph OwnParagraph(ListItemBlock item)
    {
        PlainParagraph? first = null;
        var more = new StringBuilder();
        foreach (var block in item)
        {
            if (block is ParagraphBlock paragraph)
            {
                var plain = InlineText.Read(paragraph);
                if (first is null)
                {
                    first = plain;
                }
                else
                {
                    more.Append(' ').Append(plain.Text);
                }
            }
        }

        first ??= PlainParagraph.Empty;
        return more.Length == 0 ? first : first with { Text = TextFolding.Fold(first.Text + more) };
    }

    // "**Improvements/Fixes:**" or "Tasks to address the issue:" over a nested list groups entries; "Add alerts for:"
    // over noun phrases ("disk usage", "replication lag") is one task that the nested list completes.
    private static string? GroupLabel(PlainParagraph own, List<ListBlock> nested)
    {
        if (nested.Count == 0 || own.Text.Length == 0)
        {
            return null;
        }

        var isBoldOnly = own.LeadIn is not null && own.Text == own.LeadIn;
        var isShortColonLine = own.Text.EndsWith(':') && (own.Text.AsSpan().Count(' ') + 1) <= 10;
        if (isShortColonLine && !isBoldOnly && Phrasing.IsToDo(own.Text) && nested.All(AllNounPhrases))
        {
            return null;
        }

        return isBoldOnly || isShortColonLine || IsNounLabel(own.Text) ? own.Text.TrimEnd(':', ' ') : null;
    }

    private static bool AllNounPhrases(ListBlock list) =>
        list.OfType<ListItemBlock>().All(item => item.Count == 1 && item[0] is ParagraphBlock paragraph
            && InlineText.Read(paragraph).Text is var text
            && (text.AsSpan().Count(' ') + 1) <= MaxNounPhraseWords && !text.TrimEnd('.').Contains('.', StringComparison.Ordinal)
            && !Phrasing.StartsWithImperative(text) && !Phrasing.IsToDo(text) && !Phrasing.IsPastReport(text));

    // "Monitoring", "Short-term", "Database changes" over a nested list: a few words, no sentence, no verb to do.
    private static bool IsNounLabel(string text) =>
        (text.AsSpan().Count(' ') + 1) <= 4 && !char.IsPunctuation(text[^1]) && !Phrasing.StartsWithImperative(text) && !Phrasing.IsToDo(text);

    private static bool IsBareLabel(PlainParagraph own) => own.LeadIn is not null && own.Text == own.LeadIn && own.Text.EndsWith(':');

    private static string NestedText(List<ListBlock> lists, string separator)
    {
        var builder = new StringBuilder();
        var stack = new Stack<Block>(lists.Count);
        for (var i = lists.Count - 1; i >= 0; i--)
        {
            stack.Push(lists[i]);
        }

        while (stack.Count > 0)
        {
            switch (stack.Pop())
            {
                case ParagraphBlock paragraph:
                    builder.Append(builder.Length == 0 ? "" : separator).Append(InlineText.Read(paragraph).Text);
                    break;
                case ContainerBlock container:
                    for (var i = container.Count - 1; i >= 0; i--)
                    {
                        stack.Push(container[i]);
                    }

                    break;
            }
        }

        return TextFolding.Fold(builder.ToString());
    }
}
