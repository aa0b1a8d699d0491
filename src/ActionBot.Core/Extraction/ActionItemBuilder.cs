using ActionBot.Core.Extraction.Fields;
using ActionBot.Core.Extraction.Sections;

namespace ActionBot.Core.Extraction;

/// <summary>Judges a draft entry (is it a task?) and reads its fields.</summary>
internal static class ActionItemBuilder
{
    // Field parsers read at most this much of an entry: real entries are far shorter, and it bounds the work.
    private const int ProbeLength = 4_000;

    public static ActionItem? Build(EntryDraft draft, List<ExtractionWarning> warnings)
    {
        var notes = StripNotes(draft.Text);
        var text = notes.Text;
        var leadIn = draft.LeadIn is { } label && text.StartsWith(label, StringComparison.Ordinal) ? label : null;
        var body = leadIn is null ? text : text[leadIn.Length..].TrimStart();
        var probe = Probe(text);
        if (text.Length == 0 || !IsTask(draft, notes, Probe(body.Length > 0 ? body : text)))
        {
            return null;
        }

        var due = draft.Due ?? DueDateParser.ParseDue(probe);
        if (due is null && DueDateParser.HasAmbiguousDue(probe))
        {
            warnings.Add(new ExtractionWarning(draft.Line, "due date left unread: numeric dates like 3/4/2024 are ambiguous; write 2024-03-04"));
        }

        var (title, details) = TitleSplitter.Split(text, leadIn);
        return new ActionItem
        {
            Id = ItemFingerprint.Of(text),
            Title = title,
            Details = details,
            Section = draft.Section.Name,
            Owners = draft.Owners.Count > 0 ? draft.Owners : OwnerParser.Parse(probe),
            Due = due,
            Priority = draft.Priority ?? PriorityParser.Parse(probe),
            Kind = draft.Kind ?? KindParser.Parse(probe) ?? draft.Section.Kind,
            Done = draft.Checked ?? (draft.Done || notes.Done || draft.Section.Done),
            Line = draft.Line,
            Ticket = draft.Ticket ?? notes.Ticket,
        };
    }

    private static bool IsTask(EntryDraft draft, TrailingNotes notes, string body)
    {
        if (draft.Checked is not null || draft.Structured)
        {
            return true;
        }

        if (Phrasing.IsOpenQuestion(body))
        {
            return false;
        }

        if (draft.Section.Role == SectionRole.Lessons)
        {
            return Phrasing.IsToDo(body);
        }

        // A report of work already done is not a task, unless the list marks it as a done task.
        return notes.Done || draft.Section.Done || !Phrasing.IsPastReport(body);
    }

    private static string Probe(string text) => text.Length > ProbeLength ? text[..ProbeLength] : text;

    private static TrailingNotes StripNotes(string text)
    {
        const int tail = 400;
        if (text.Length <= tail)
        {
            return TrailingNotesParser.Parse(text);
        }

        var notes = TrailingNotesParser.Parse(text[^tail..]);
        return notes with { Text = string.Concat(text.AsSpan(0, text.Length - tail), notes.Text) };
    }
}
