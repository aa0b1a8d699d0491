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
        var (raw, markedDone, leadIn) = Unmark(draft);
        var notes = TrailingNotesParser.ParseLeading(StripNotes(raw));
        var text = notes.Text;
        leadIn = leadIn is not null && text.StartsWith(leadIn, StringComparison.Ordinal) ? leadIn : null;
        var body = leadIn is null ? text : text[leadIn.Length..].TrimStart();
        var probe = Probe(text);
        if (text.Length == 0 || !IsTask(draft, Probe(body.Length > 0 ? body : text)))
        {
            return null;
        }

        var due = draft.Due ?? DueDateParser.ParseDue(probe);
        if (due is null && DueDateParser.HasAmbiguousDue(probe))
        {
            warnings.Add(new ExtractionWarning(draft.Line, "due date left unread: numeric dates like 3/4/2024 are ambiguous; write 2024-03-04"));
        }

        var split = TitleSplitter.Split(text, leadIn);
        return new ActionItem
        {
            Id = ItemFingerprint.Of(text),
            Title = split.Title,
            Details = split.Details,
            Text = text,
            TitleCut = split.Cut,
            Section = draft.Section.Name,
            Owners = draft.Owners.Count > 0 ? draft.Owners : OwnerParser.Parse(probe),
            Due = due,
            Priority = draft.Priority ?? PriorityParser.Parse(probe),
            Kind = draft.Kind ?? KindParser.Parse(probe) ?? draft.Section.Kind,
            Done = draft.Checked ?? (draft.Done || notes.Done || markedDone || draft.Section.Done),
            Line = draft.Line,
            Ticket = draft.Ticket ?? notes.Ticket,
        };
    }

    private static bool IsTask(EntryDraft draft, string body)
    {
        if (draft.Structured)
        {
            return true;
        }

        if (Phrasing.IsOpenQuestion(body) || Phrasing.IsClosingRemark(body) || Phrasing.IsNothingToDo(body))
        {
            return false;
        }

        // Prose was read sentence by sentence as commitments; a marker ("Action point:") says it is a task wherever it stands.
        if (draft.Origin == EntryOrigin.Prose)
        {
            return true;
        }

        if (draft.Checked is null && draft.Origin != EntryOrigin.Marker && draft.Section.Role is SectionRole.Lessons or SectionRole.Prospective)
        {
            return Phrasing.IsToDo(body);
        }

        // A report of work already done is not a task, even when a list marks it done ("✅ Reverted the deploy").
        return !Phrasing.IsPastReport(body);
    }

    // "✅ Action item: Add retries" is the task "Add retries", done. A bold lead-in titles the entry only when it is a
    // label ("**Automate renewal:** Move...", "**Monitor expiry.** Alert..."), not emphasis that runs on into the sentence.
    private static (string Text, bool Done, string? LeadIn) Unmark(EntryDraft draft)
    {
        var text = draft.Text;
        var leadIn = draft.LeadIn;
        var done = false;
        for (var pass = 0; pass < 2; pass++)
        {
            if (EntryMarkers.DoneLength(text) is > 0 and var mark)
            {
                (text, done) = (text[mark..], true);
            }

            if (EntryMarkers.GenericLength(text) is > 0 and var marker)
            {
                leadIn = leadIn is not null && marker >= leadIn.Length ? null : leadIn;
                text = text[marker..];
            }
        }

        var isLabel = leadIn is not null && text.StartsWith(leadIn, StringComparison.Ordinal)
            && (leadIn.EndsWith(':') || leadIn.EndsWith('.') || text.AsSpan(leadIn.Length).TrimStart().StartsWith("- ") || text.AsSpan(leadIn.Length).TrimStart() is ['—' or '–', ..]);
        return (text, done, isLabel ? leadIn : null);
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
