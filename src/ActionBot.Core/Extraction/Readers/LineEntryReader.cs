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
        var opens = new bool[lines.Count];
        var entries = 0;
        for (var i = 0; i < lines.Count; i++)
        {
            opens[i] = Opens(lines[i].Text, lines.Count) || (lines.Count > 1 && (i == 0 || EndsSentence(lines[i - 1].Text)) && StartsWithVerb(lines[i].Text));
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
