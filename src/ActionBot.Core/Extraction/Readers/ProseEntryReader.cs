using ActionBot.Core.Extraction.Fields;
using ActionBot.Core.Extraction.Sections;
using ActionBot.Core.Extraction.Text;

namespace ActionBot.Core.Extraction.Readers;

/// <summary>
/// Reads tasks out of prose under a remediation heading: one task per sentence that commits to future
/// work ("We will add alerting on replication lag.") or gives an instruction ("Document the failover.").
/// </summary>
internal static class ProseEntryReader
{
    /// <param name="explicitOnly">
    /// Beside a list, prose is mostly introduction and closing remarks: only sentences with an explicit
    /// subject committing to work ("We will also...") count there, not bare instructions.
    /// </param>
    public static void Read(IReadOnlyList<TextLine> lines, SectionContext section, List<EntryDraft> drafts, bool explicitOnly)
    {
        foreach (var (sentence, line) in Sentences(lines))
        {
            var commits = explicitOnly ? Phrasing.IsExplicitCommitment(sentence) : Phrasing.IsCommitment(sentence);
            if (commits && sentence.Split(' ').Length >= 3 && !sentence.EndsWith('?') && !sentence.EndsWith(':'))
            {
                drafts.Add(new EntryDraft(sentence, line, section));
            }
        }
    }

    /// <summary>
    /// Lines that each start with a bullet or a number, as plain-text postmortems write lists
    /// ("• Add alerting", "2) Rotate the keys"), read one entry a line.
    /// </summary>
    public static bool TryReadLineEntries(IReadOnlyList<TextLine> lines, SectionContext section, List<EntryDraft> drafts)
    {
        if (lines.Count < 2 || !lines.All(l => ListMarker.Length(l.Text) > 0 || CheckboxState(l.Text) is not null))
        {
            return false;
        }

        foreach (var line in lines)
        {
            var text = line.Text[ListMarker.Length(line.Text)..].TrimStart();
            var isChecked = CheckboxState(text);
            drafts.Add(new EntryDraft(isChecked is null ? text : text[3..].Trim(), line.Line, section) { Checked = isChecked });
        }

        return true;
    }

    // "[ ] Rotate the keys" or "[x] Rotate the keys" written without a list marker.
    private static bool? CheckboxState(string text) =>
        text.Length > 3 && text[0] == '[' && text[2] == ']' && text[3] == ' ' && text[1] is ' ' or 'x' or 'X' ? text[1] != ' ' : null;

    // Sentences may run across the source lines of a wrapped paragraph: split the joined text, keep each start line.
    private static IEnumerable<(string Sentence, int Line)> Sentences(IReadOnlyList<TextLine> lines)
    {
        var text = string.Join(' ', lines.Select(l => l.Text));
        var starts = new int[lines.Count];
        for (int i = 1; i < lines.Count; i++)
        {
            starts[i] = starts[i - 1] + lines[i - 1].Text.Length + 1;
        }

        var offset = 0;
        var index = 0;
        while (offset < text.Length)
        {
            var length = TitleSplitter.FirstSentenceEnd(text.AsSpan(offset));
            var sentence = text.Substring(offset, length).Trim();
            while (index + 1 < starts.Length && starts[index + 1] <= offset)
            {
                index++;
            }

            if (sentence.Length > 0)
            {
                yield return (sentence, lines[index].Line);
            }

            offset += Math.Max(length, 1);
        }
    }
}
