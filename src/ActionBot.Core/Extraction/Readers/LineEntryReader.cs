using ActionBot.Core.Extraction.Fields;
using ActionBot.Core.Extraction.Sections;
using ActionBot.Core.Extraction.Text;

namespace ActionBot.Core.Extraction.Readers;

/// <summary>
/// Reads a paragraph typed as a list without Markdown: one entry per line, each line opened by a marker
/// ("• ", "-Implement", "1, ", an emoji), a "Label:" or an instruction ("Update the...", "Add...").
/// A last line that opens no entry ("By implementing these measures, ...") is left to be read as prose.
/// </summary>
internal static class LineEntryReader
{
    /// <returns>The lines left over for prose (none, or the closing line), or null when the paragraph is not a list of lines.</returns>
    public static IReadOnlyList<TextLine>? TryRead(IReadOnlyList<TextLine> lines, SectionContext section, int scope, List<EntryDraft> drafts)
    {
        // "We can prevent this by:" over lines that each open with a capital: the lines are the entries, the lead-in is not.
        if (lines.Count > 1 && lines[0].Text.EndsWith(':') && ReadAfterLeadIn(lines, section, scope, drafts))
        {
            return [];
        }

        var opens = new bool[lines.Count];
        var entries = 0;
        var perLine = IsOnePerLine(lines);
        for (var i = 0; i < lines.Count; i++)
        {
            opens[i] = perLine || Opens(lines[i].Text, lines.Count) || (lines.Count > 1 && (i == 0 || EndsSentence(lines[i - 1].Text)) && StartsWithVerb(lines[i].Text));
            entries += opens[i] ? 1 : 0;
        }

        var last = lines.Count - 1;
        var closing = !opens[last] && !Continues(lines, last) ? 1 : 0;
        var isList = (lines.Count == 1 && ListMarker.PlainLength(lines[0].Text) > 0)
            || (entries >= 2 && Enumerable.Range(0, lines.Count - closing).All(i => opens[i] || Continues(lines, i)));
        if (!isList)
        {
            return null;
        }

        EntryDraft? current = null;
        for (var i = 0; i < lines.Count - closing; i++)
        {
            if (!opens[i] && current is not null)
            {
                drafts[^1] = current = current with { Text = $"{current.Text} {lines[i].Text}" };
                continue;
            }

            current = Entry(lines[i], section, scope);
            drafts.Add(current);
        }

        return closing == 1 ? [lines[last]] : [];
    }

    private static bool ReadAfterLeadIn(IReadOnlyList<TextLine> lines, SectionContext section, int scope, List<EntryDraft> drafts)
    {
        for (var i = 1; i < lines.Count; i++)
        {
            if (lines[i].Text.EndsWith(':') || (!char.IsUpper(lines[i].Text[0]) && !Continues(lines, i)))
            {
                return false;
            }
        }

        for (var i = 1; i < lines.Count; i++)
        {
            if (char.IsUpper(lines[i].Text[0]))
            {
                drafts.Add(Entry(lines[i], section, scope));
            }
            else
            {
                drafts[^1] = drafts[^1] with { Text = $"{drafts[^1].Text} {lines[i].Text}" };
            }
        }

        return true;
    }

    // Three or more lines, each one capitalised sentence ending in a full stop, none of them speaking of itself
    // ("This...", "We..."): a list typed one entry per line ("Introduction of rollback checks.").
    private const int MinPerLineEntries = 3;

    private static bool IsOnePerLine(IReadOnlyList<TextLine> lines)
    {
        if (lines.Count < MinPerLineEntries)
        {
            return false;
        }

        foreach (var line in lines)
        {
            var text = line.Text;
            if (!char.IsUpper(text[0]) || text[^1] != '.' || text.AsSpan(0, text.Length - 1).TrimEnd('.').Contains(". ", StringComparison.Ordinal)
                || SentenceStarts.Contains(text[..Math.Max(text.IndexOf(' ', StringComparison.Ordinal), 0)]))
            {
                return false;
            }
        }

        return true;
    }

    private static readonly HashSet<string> SentenceStarts = new(StringComparer.Ordinal)
    {
        "This", "These", "That", "Those", "It", "We", "Our", "I", "They", "There", "The", "You", "If", "When", "After", "Once",
    };

    private static EntryDraft Entry(TextLine line, SectionContext section, int scope)
    {
        var text = line.Text[ListMarker.PlainLength(line.Text)..].TrimStart();
        var isChecked = CheckboxState(text);
        text = isChecked is null ? text : text[3..].Trim();
        var label = PlainLabel.Length(text);
        return new EntryDraft(text, line.Line, section)
        {
            Origin = EntryOrigin.Line,
            Scope = scope,
            Checked = isChecked,
            LeadIn = label > 0 ? text[..label] : null,
        };
    }

    private static bool Opens(string line, int lineCount) =>
        ListMarker.PlainLength(line) > 0 || CheckboxState(line) is not null || PlainLabel.Length(line) > 0
        || (lineCount > 1 && Phrasing.StartsWithImperative(line));

    // "create an environment for testing." typed in lower case, at the start of a line after a finished one.
    private static bool StartsWithVerb(string line)
    {
        var space = line.IndexOf(' ', StringComparison.Ordinal);
        return space > 0 && char.IsLower(line[0]) && Verbs.IsAction(line[..space]);
    }

    // A line that carries on the entry above it: the entry stopped mid-sentence and this line starts in lower case.
    private static bool Continues(IReadOnlyList<TextLine> lines, int i) =>
        i > 0 && lines[i].Text.Length > 0 && char.IsLower(lines[i].Text[0]) && !EndsSentence(lines[i - 1].Text);

    private static bool EndsSentence(string text) => text.Length > 0 && text[^1] is '.' or '!' or '?' or ':';

    // "[ ] Rotate the keys" or "[x] Rotate the keys" written without a list marker.
    private static bool? CheckboxState(string text) =>
        text.Length > 3 && text[0] == '[' && text[2] == ']' && text[3] == ' ' && text[1] is ' ' or 'x' or 'X' ? text[1] != ' ' : null;
}
