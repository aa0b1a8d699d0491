using ActionBot.Core.Extraction.Fields;
using ActionBot.Core.Extraction.Sections;
using ActionBot.Core.Extraction.Text;

namespace ActionBot.Core.Extraction.Readers;

/// <summary>
/// Holds the prose of a section until the section ends, because how it is read depends on the rest: beside a list or
/// table, prose is introduction and closing remarks (only explicit commitments count); alone, it is the section's content.
/// </summary>
internal sealed class ProseCollector(List<EntryDraft> drafts)
{
    // A section of tasks whose whole content is one short statement: that statement is its task.
    private const int MaxSoloWords = 60;

    private readonly List<(IReadOnlyList<TextLine> Lines, SectionContext Section, int Scope)> _pending = [];
    private readonly List<(IReadOnlyList<TextLine> Lines, SectionContext Section, int Scope, ProseReading Reading)> _lessons = [];
    private int _entries;

    public void Add(IReadOnlyList<TextLine> lines, SectionContext section, int scope)
    {
        if (lines.Count > 0)
        {
            _pending.Add((lines, section, scope));
        }
    }

    /// <summary>The current section got list, table or line entries.</summary>
    public void NoteEntries() => _entries++;

    /// <summary>
    /// Reads the held prose: called when the section ends. Returns how many tasks it held. A label that covers only its
    /// own line ("**Follow-up owner:** networking") has no content of its own to take as a sole statement.
    /// </summary>
    public int Flush(bool soleStatement = true)
    {
        var before = drafts.Count;
        foreach (var (lines, section, scope) in _pending)
        {
            var reading = _entries > 0 ? ProseReading.WithSubject : ProseReading.Any;
            if (section.Role == SectionRole.Lessons)
            {
                // Lessons' prose counts only when no action list stands beside it: read it then, if at all.
                _lessons.Add((lines, section, scope, reading));
                continue;
            }

            ProseEntryReader.Read(lines, section, scope, drafts, reading);
        }

        if (soleStatement && drafts.Count == before && _entries == 0 && _pending.Count == 1 && Solo(_pending[0]) is { } solo)
        {
            drafts.Add(solo);
        }

        _pending.Clear();
        _entries = 0;
        return drafts.Count - before;
    }

    /// <summary>The tasks in the prose of lessons-learned sections, read when a postmortem has no action list.</summary>
    public List<EntryDraft> ReadLessons()
    {
        var lessons = new List<EntryDraft>();
        foreach (var (lines, section, scope, reading) in _lessons)
        {
            ProseEntryReader.Read(lines, section, scope, lessons, reading);
        }

        return lessons;
    }

    // "## Proactive measures" followed by one sentence naming the practice: the careful reader's only candidate.
    private static EntryDraft? Solo((IReadOnlyList<TextLine> Lines, SectionContext Section, int Scope) prose)
    {
        var text = TextFolding.Fold(string.Join(' ', prose.Lines.Select(l => l.Text)));
        if (SectionVocabulary.Classify(prose.Section.Name) != SectionRole.Tasks || !IndentedProse.IsProse(text) || (text.AsSpan().Count(' ') + 1) > MaxSoloWords || text.EndsWith(':') || text.EndsWith('?')
            || Phrasing.IsNothingToDo(text) || TitleSplitter.FirstSentenceEnd(text) < text.TrimEnd().Length - 1)
        {
            return null;
        }

        return new EntryDraft(text, prose.Lines[0].Line, prose.Section) { Origin = EntryOrigin.Line, Scope = prose.Scope };
    }
}
