using System.Text;
using ActionBot.Core.Extraction.Fields;
using ActionBot.Core.Extraction.Sections;
using ActionBot.Core.Extraction.Text;
using Markdig.Syntax;

namespace ActionBot.Core.Extraction.Readers;

/// <summary>
/// Reads the entries of a Markdown list. A nested list under a group label ("**Improvements/Fixes:**")
/// holds separate entries; a nested list under a task elaborates it and joins its text.
/// </summary>
internal static class ListEntryReader
{
    // Deeper nesting than this is no real postmortem; it is read as text of its parent, not walked further.
    private const int MaxDepth = 32;

    public static int Read(ListBlock list, SectionContext section, List<EntryDraft> drafts, int depth = 0)
    {
        var count = 0;
        foreach (var block in list)
        {
            if (block is ListItemBlock item)
            {
                count += ReadItem(item, section, drafts, depth);
            }
        }

        return count;
    }

    private static int ReadItem(ListItemBlock item, SectionContext section, List<EntryDraft> drafts, int depth)
    {
        var nested = item.OfType<ListBlock>().ToList();
        if (!section.HoldsTasks && nested.Count == 0)
        {
            return 0; // outside a section of tasks only a group label, which has a nested list, can open one
        }

        var own = OwnParagraph(item);
        var label = GroupLabel(own, nested.Count > 0);
        if (label is not null || (own.Text.Length == 0 && own.Checked is null))
        {
            var inner = label is null ? section : section.Within(label);
            var count = 0;
            foreach (var list in nested)
            {
                count += depth < MaxDepth ? Read(list, inner, drafts, depth + 1) : 0;
            }

            return count;
        }

        if (!section.HoldsTasks || IsBareLabel(own))
        {
            return 0;
        }

        var text = nested.Count == 0 ? own.Text : $"{own.Text} {NestedText(nested)}".Trim();
        drafts.Add(new EntryDraft(text, item.Line + 1, section) { LeadIn = own.LeadIn, Checked = own.Checked });
        return 1;
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
                var plain = InlineText.Read(paragraph.Inline, paragraph.Line + 1);
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

        first ??= new PlainParagraph(string.Empty, null, null, []);
        return more.Length == 0 ? first : first with { Text = TextFolding.Fold(first.Text + more) };
    }

    // "**Improvements/Fixes:**" or "Tasks to address the issue:" over a nested list groups entries.
    private static string? GroupLabel(PlainParagraph own, bool hasNestedList)
    {
        if (!hasNestedList || own.Text.Length == 0)
        {
            return null;
        }

        var isBoldOnly = own.LeadIn is not null && own.Text == own.LeadIn;
        var isShortColonLine = own.Text.EndsWith(':') && own.Text.Split(' ').Length <= 10;
        return isBoldOnly || isShortColonLine || IsNounLabel(own.Text) ? own.Text.TrimEnd(':', ' ') : null;
    }

    // "Monitoring", "Short-term", "Database changes" over a nested list: a few words, no sentence, no verb to do.
    private static bool IsNounLabel(string text) =>
        text.Split(' ').Length <= 4 && !char.IsPunctuation(text[^1]) && !Phrasing.StartsWithImperative(text) && !Phrasing.IsToDo(text);

    private static bool IsBareLabel(PlainParagraph own) => own.LeadIn is not null && own.Text == own.LeadIn && own.Text.EndsWith(':');

    private static string NestedText(List<ListBlock> lists)
    {
        var builder = new StringBuilder();
        var stack = new Stack<Block>(lists.AsEnumerable().Reverse());
        while (stack.Count > 0)
        {
            switch (stack.Pop())
            {
                case ParagraphBlock paragraph:
                    builder.Append(' ').Append(InlineText.Read(paragraph.Inline, paragraph.Line + 1).Text);
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
