using ActionBot.Core.Extraction.Fields;
using ActionBot.Core.Extraction.Readers;
using ActionBot.Core.Extraction.Sections;
using ActionBot.Core.Extraction.Text;
using Markdig.Extensions.Tables;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;

namespace ActionBot.Core.Extraction;

/// <summary>One walk over a parsed postmortem: follows its sections and hands each block to its reader.</summary>
internal sealed class DocumentWalker
{
    private const int MaxContainerDepth = 32;
    private const int MaxLabelLineLength = 120;
    private const int MaxCentredTitleWords = 10;

    private readonly SectionTracker _sections = new();
    private readonly List<(int Level, string Text)> _headings = new(16);
    private readonly ProseCollector _prose;
    private readonly List<(ParagraphBlock Block, SectionContext Section, int Scope)> _elsewhere = new(32);
    private SectionRole? _introduced;

    public DocumentWalker() => _prose = new ProseCollector(Drafts);

    public List<EntryDraft> Drafts { get; } = new(16);
    public List<ExtractionWarning> Warnings { get; } = [];
    public IReadOnlyList<(int Level, string Text)> Headings => _headings;
    public FrontMatter? FrontMatter { get; private set; }

    /// <summary>Heading sections that hold an action-item table: their lists and prose are guidance around it.</summary>
    public HashSet<int> TableScopes { get; } = [];

    /// <summary>1-based line where the first section of tasks begins (dates after it are due dates, not the incident's).</summary>
    public int? FirstTaskSectionLine { get; private set; }

    public void Walk(MarkdownDocument document)
    {
        Visit(document, 0);
        FlushProse();
    }

    private int Scope => _sections.HeadingScope;

    private void Visit(ContainerBlock container, int depth)
    {
        foreach (var block in container)
        {
            var introduced = _introduced;
            _introduced = null;
            switch (block)
            {
                case YamlFrontMatterBlock yaml:
                    FrontMatter = FrontMatterReader.Read(FrontMatterText(yaml), yaml.Line + 2, Drafts, Warnings);
                    break;
                case HeadingBlock heading:
                    EnterHeading(heading.Level, InlineText.Read(heading.Inline, heading.Line + 1).Text, heading.Line + 1);
                    break;
                case ParagraphBlock paragraph:
                    VisitParagraph(paragraph);
                    break;
                case ListBlock list:
                    VisitList(list, introduced);
                    break;
                case Table table:
                    VisitTable(table);
                    break;
                case HtmlBlock html:
                    VisitHtml(html);
                    break;
                case CodeBlock code when code is not FencedCodeBlock && IndentedProse.Read(code) is { } prose:
                    VisitIndentedProse(prose);
                    break;
                case ContainerBlock nested when depth < MaxContainerDepth:
                    Visit(nested, depth + 1);
                    break;
            }
        }
    }

    private void EnterHeading(int level, string text, int line)
    {
        FlushProse();
        text = text.TrimEnd().TrimEnd(':', ';').TrimEnd();
        _headings.Add((level, text));
        if (_headings.Count > 1 && DocumentHeading.IsPostmortemTitle(text))
        {
            // "# Postmortem: ..." after other sections (a repository README's own "Tasks"): the postmortem starts here.
            Drafts.RemoveAll(d => d.Origin != EntryOrigin.FrontMatter);
            _sections.EnterTitle(level, text);
        }
        else
        {
            _sections.EnterHeading(level, text, DocumentHeading.IsDocumentTitle(level, text, _headings.Count == 1));
        }

        NoteFirstTaskSection(line);
    }

    private void EnterLabel(string label, int line)
    {
        FlushProse();
        _sections.EnterLabel(label);
        NoteFirstTaskSection(line);
    }

    private void VisitParagraph(ParagraphBlock block)
    {
        var section = _sections.Current;
        if (!section.HoldsTasks && !section.InTimeline)
        {
            _elsewhere.Add((block, section, Scope));
        }

        // Outside a section of tasks only labels and markers matter, and they open with bold, a short line or a known word.
        if (section.HoldsTasks || InlineText.MayBeLabel(block, MaxLabelLineLength) || InlineText.MayHoldLabel(block))
        {
            VisitParagraph(InlineText.Read(block));
        }
    }

    private void VisitParagraph(PlainParagraph paragraph)
    {
        if (paragraph.Lines.Count == 0)
        {
            return;
        }

        // "Action item: ...", "**Action point:** ...": one entry, wherever it stands except under a non-task heading.
        if (EntryMarkers.GenericLength(paragraph.Lines[0].Text) > 0 && _sections.Current.Role != SectionRole.NotTasks && !_sections.Current.InTimeline)
        {
            AddEntries(1, [new EntryDraft(paragraph.Text, paragraph.Lines[0].Line, _sections.Current) { Origin = EntryOrigin.Marker, Scope = Scope }]);
            return;
        }

        _introduced = IntroducedRole(paragraph);
        foreach (var segment in ParagraphLabel.Split(paragraph))
        {
            var saved = segment.Scoped ? _sections.Save() : null;
            if (segment.Label is { } titled && TitledFields(titled, segment.Lines))
            {
                continue;
            }

            if (segment.Label is { } label)
            {
                EnterLabel(label, segment.Lines.Count > 0 ? segment.Lines[0].Line : paragraph.Lines[0].Line);
            }

            VisitLines(segment.Lines, segment.LeadIn);
            if (saved is not null)
            {
                FlushProse(soleStatement: false);
                _sections.Restore(saved);
            }
        }
    }

    // "Load shedding review:" over "Task: ..." / "Deadline: ..." lines: a bare title names one entry, not a section.
    private bool TitledFields(string title, IReadOnlyList<TextLine> lines)
    {
        var section = _sections.Current;
        var before = Drafts.Count;
        if (lines.Count < 2 || section.Role == SectionRole.NotTasks || section.InTimeline || SectionVocabulary.Classify(title) != SectionRole.Neutral
            || !FieldLinesReader.TryRead(lines, section, Scope, Drafts, title))
        {
            return false;
        }

        AddEntries(Drafts.Count - before, []);
        return true;
    }

    // A sentence ending in a colon that introduces the list below it as lessons, or as work the writers commit to
    // ("Here is what we will change:"), outside any section named for them.
    private SectionRole? IntroducedRole(PlainParagraph paragraph)
    {
        var text = paragraph.Text;
        if (_sections.Current.HoldsTasks || _sections.Current.InTimeline || paragraph.Lines.Count > 2 || !text.EndsWith(':') || ParagraphLabel.IsLabelLine(text)
            || text.Contains(". ", StringComparison.Ordinal))
        {
            return null;
        }

        return SectionVocabulary.Classify(text) switch
        {
            SectionRole.Lessons => SectionRole.Lessons,
            SectionRole.Tasks when Phrasing.IsExplicitCommitment(text) => SectionRole.Tasks,
            _ => null,
        };
    }

    private void VisitLines(IReadOnlyList<TextLine> lines, string? leadIn)
    {
        var section = _sections.Current;
        var before = Drafts.Count;
        // "Task: ..." / "Owner: ..." / "Deadline: ..." lines are an entry by their form, wherever they stand but in a timeline.
        if (lines.Count > 1 && section.Role != SectionRole.NotTasks && !section.InTimeline && FieldLinesReader.TryRead(lines, section, Scope, Drafts))
        {
            AddEntries(Drafts.Count - before, []);
            return;
        }

        if (!section.HoldsTasks || lines.Count == 0)
        {
            return;
        }

        if (LineEntryReader.TryRead(lines, section, Scope, Drafts) is { } rest)
        {
            AddEntries(Drafts.Count - before, []);
            _prose.Add(rest, section, Scope);
        }
        else if (leadIn is not null || (lines.Count == 1 && PlainLabel.Length(lines[0].Text) > 0))
        {
            // "**Automate failover:** Add a health check..." or "Regular Audits: Conduct..." under a tasks heading: one entry.
            var text = TextFolding.Fold(string.Join(' ', lines.Select(l => l.Text)));
            leadIn ??= text[..PlainLabel.Length(text)];
            AddEntries(1, [new EntryDraft(text, lines[0].Line, section) { LeadIn = leadIn, Origin = EntryOrigin.Line, Scope = Scope }]);
        }
        else
        {
            _prose.Add(lines, section, Scope);
        }
    }

    private void VisitList(ListBlock list, SectionRole? introduced = null)
    {
        if (introduced is { } role)
        {
            // "The lessons we are taking away are as follows:" over a list: the list holds that section's entries.
            var saved = _sections.Current;
            var count = Drafts.Count;
            ListEntryReader.Read(list, saved with { Role = role }, Scope, Drafts);
            AddEntries(Drafts.Count - count, []);
            return;
        }

        // "- Immediate Actions:" alone, with its tasks in the next list: a label, not an entry.
        if (ListEntryReader.SoleLabel(list) is { } label)
        {
            EnterLabel(label, list.Line + 1);
            return;
        }

        var before = Drafts.Count;
        var trailing = ListEntryReader.Read(list, _sections.Current, Scope, Drafts);
        AddEntries(Drafts.Count - before, []);
        if (trailing is not null)
        {
            EnterLabel(trailing, list.Line + 1);
        }
    }

    private void VisitTable(Table table)
    {
        var before = Drafts.Count;
        TableEntryReader.Read(table, _sections.Current, Scope, Drafts, Warnings);
        if (Drafts.Count > before)
        {
            TableScopes.Add(Scope);
            AddEntries(Drafts.Count - before, []);
        }
    }

    private void VisitIndentedProse(PlainParagraph prose)
    {
        // One short indented line is a title "centred" with spaces: it names the next section, whatever it says.
        if (prose.Lines.Count == 1 && (prose.Text.AsSpan().Count(' ') + 1) <= MaxCentredTitleWords && !prose.Text.EndsWith('.'))
        {
            EnterLabel(ParagraphLabel.Clean(prose.Text), prose.Lines[0].Line);
            return;
        }

        VisitParagraph(prose);
    }

    private void VisitHtml(HtmlBlock html)
    {
        foreach (var part in HtmlFragment.Read(html.Lines.ToString(), html.Line + 1))
        {
            switch (part.Kind)
            {
                case HtmlPartKind.Heading:
                    EnterHeading(part.HeadingLevel, part.Text, part.Line);
                    break;
                case HtmlPartKind.Paragraph:
                    VisitParagraph(new PlainParagraph(part.Text, null, null, [new TextLine(part.Text, part.Line)]));
                    break;
                case HtmlPartKind.ListItem when _sections.Current.HoldsTasks:
                    AddEntries(1, [new EntryDraft(part.Text, part.Line, _sections.Current) { Scope = Scope }]);
                    break;
            }
        }
    }

    // Prose is read when its section ends; tasks found in it count as the section's own entries.
    private void FlushProse(bool soleStatement = true)
    {
        if (_prose.Flush(soleStatement) > 0)
        {
            _sections.NoteEntries();
        }
    }

    private void AddEntries(int count, IReadOnlyList<EntryDraft> drafts)
    {
        Drafts.AddRange(drafts);
        if (count > 0)
        {
            _prose.NoteEntries();
            _sections.NoteEntries();
        }
    }

    private void NoteFirstTaskSection(int line)
    {
        if (FirstTaskSectionLine is null && _sections.Current.HoldsTasks)
        {
            FirstTaskSectionLine = line;
        }
    }

    /// <summary>The tasks in lessons-learned prose, read only when asked (when the postmortem has no action list).</summary>
    public List<EntryDraft> LessonsProse() => _prose.ReadLessons();

    /// <summary>
    /// The writers' own commitments in prose outside any section of tasks ("The team will implement the fix and then
    /// migrate the funds"): the tasks of a postmortem that has no action list. Read only when asked.
    /// </summary>
    public List<EntryDraft> CommitmentsElsewhere()
    {
        var drafts = new List<EntryDraft>();
        foreach (var (block, section, scope) in _elsewhere)
        {
            ProseEntryReader.Read(InlineText.Read(block).Lines, section, scope, drafts, ProseReading.ByTeam);
        }

        return drafts;
    }

    private static string FrontMatterText(YamlFrontMatterBlock yaml)
    {
        var lines = yaml.Lines.Lines.Take(yaml.Lines.Count).Select(l => l.ToString()).Where(l => l.Trim() is not ("---" or "..."));
        return string.Join('\n', lines);
    }
}
