using ActionBot.Core.Extraction.Sections;

namespace ActionBot.Core.Extraction;

/// <summary>An entry as a reader found it, before it is judged and its fields are read.</summary>
internal sealed record EntryDraft(string Text, int Line, SectionContext Section)
{
    public string? LeadIn { get; init; }

    /// <summary>A task-list checkbox: an entry of an action list whatever its phrasing.</summary>
    public bool? Checked { get; init; }

    /// <summary>Entries from tables and front matter are tasks by their place; phrasing is not judged.</summary>
    public bool Structured { get; init; }

    public IReadOnlyList<string> Owners { get; init; } = [];
    public DateOnly? Due { get; init; }
    public string? Priority { get; init; }
    public ActionItemKind? Kind { get; init; }
    public bool Done { get; init; }
    public string? Ticket { get; init; }
}
