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

    private readonly SectionTracker _sections = new();
    private readonly List<(int Level, string Text)> _headings = [];
    private readonly List<(IReadOnlyList<TextLine> Lines, SectionContext Section)> _pendingProse = [];
    private int _entriesInSection;

    public List<EntryDraft> Drafts { get; } = [];
    public List<ExtractionWarning> Warnings { get; } = [];
    public IReadOnlyList<(int Level, string Text)> Headings => _headings;
    public FrontMatter? FrontMatter { get; private set; }

    public void Walk(MarkdownDocument document)
    {
        Visit(document, 0);
        FlushProse();
    }

    private void Visit(ContainerBlock container, int depth)
    {
        foreach (var block in container)
        {
            switch (block)
            {
                case YamlFrontMatterBlock yaml:
                    FrontMatter = FrontMatterReader.Read(FrontMatterText(yaml), yaml.Line + 2, Drafts, Warnings);
                    break;
                case HeadingBlock heading:
                    EnterHeading(heading.Level, InlineText.Read(heading.Inline, heading.Line + 1).Text, heading.Line + 1);
                    break;
                // Outside a section of tasks only labels matter, and a label opens with bold or a short line.
                case ParagraphBlock paragraph when _sections.Current.HoldsTasks || InlineText.MayBeLabel(paragraph.Inline, MaxLabelLineLength):
                    VisitParagraph(InlineText.Read(paragraph.Inline, paragraph.Line + 1));
                    break;
                case ListBlock list:
                    _entriesInSection += ListEntryReader.Read(list, _sections.Current, Drafts);
                    break;
                case Table table:
                    _entriesInSection += TableEntryReader.Read(table, _sections.Current, Drafts, Warnings);
                    break;
                case HtmlBlock html:
                    VisitHtml(html);
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
        text = text.TrimEnd().TrimEnd(':').TrimEnd();
        _headings.Add((level, text));
        _sections.EnterHeading(level, text, DocumentHeading.IsDocumentTitle(level, text, _headings.Count == 1));
        NoteFirstTaskSection(line);
    }

    private void VisitParagraph(PlainParagraph paragraph)
    {
        if (ParagraphLabel.Read(paragraph) is { } label)
        {
            FlushProse();
            _sections.EnterLabel(label.Label);
            NoteFirstTaskSection(paragraph.Lines[0].Line);
            VisitLines(label.Rest, leadIn: null);
            return;
        }

        VisitLines(paragraph.Lines, paragraph.LeadIn);
    }

    private void VisitLines(IReadOnlyList<TextLine> lines, string? leadIn)
    {
        var section = _sections.Current;
        if (!section.HoldsTasks || lines.Count == 0)
        {
            return;
        }

        if (ProseEntryReader.TryReadLineEntries(lines, section, Drafts))
        {
            _entriesInSection += lines.Count;
        }
        else if (leadIn is not null)
        {
            // "**Automate failover:** Add a health check..." under a tasks heading: one entry per paragraph.
            Drafts.Add(new EntryDraft(TextFolding.Fold(string.Join(' ', lines.Select(l => l.Text))), lines[0].Line, section) { LeadIn = leadIn });
            _entriesInSection++;
        }
        else
        {
            _pendingProse.Add((lines, section));
        }
    }

    /// <summary>1-based line where the first section of tasks begins (dates after it are due dates, not the incident's).</summary>
    public int? FirstTaskSectionLine { get; private set; }

    private void NoteFirstTaskSection(int line)
    {
        if (FirstTaskSectionLine is null && _sections.Current.HoldsTasks)
        {
            FirstTaskSectionLine = line;
        }
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
                    Drafts.Add(new EntryDraft(part.Text, part.Line, _sections.Current));
                    _entriesInSection++;
                    break;
            }
        }
    }

    // Prose is judged once its section is read whole: beside a list or table it is held to a stricter reading.
    private void FlushProse()
    {
        foreach (var (lines, section) in _pendingProse)
        {
            ProseEntryReader.Read(lines, section, Drafts, explicitOnly: _entriesInSection > 0);
        }

        _pendingProse.Clear();
        _entriesInSection = 0;
    }

    private static string FrontMatterText(YamlFrontMatterBlock yaml)
    {
        var lines = yaml.Lines.Lines.Take(yaml.Lines.Count).Select(l => l.ToString()).Where(l => l.Trim() is not ("---" or "..."));
        return string.Join('\n', lines);
    }
}
