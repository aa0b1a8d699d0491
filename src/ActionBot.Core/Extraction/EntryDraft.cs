using ActionBot.Core.Extraction.Sections;

namespace ActionBot.Core.Extraction;

/// <summary>Where in the document an entry was read from; decides how its phrasing is judged.</summary>
internal enum EntryOrigin
{
    /// <summary>A Markdown or HTML list entry.</summary>
    List,

    /// <summary>One line of a plain-text list: a marker, a "Label:" or an instruction opens each line.</summary>
    Line,

    /// <summary>A sentence of prose that commits to work.</summary>
    Prose,

    /// <summary>A row of an action-item table.</summary>
    Table,

    /// <summary>A paragraph opened by a generic marker: "Action item:", "Action point:", "TODO:".</summary>
    Marker,

    /// <summary>A block of "Task:" / "Owner:" / "Deadline:" lines.</summary>
    Fields,

    /// <summary>An <c>action_items:</c> entry of YAML front matter.</summary>
    FrontMatter,
}

/// <summary>An entry as a reader found it, before it is judged and its fields are read.</summary>
internal sealed record EntryDraft(string Text, int Line, SectionContext Section)
{
    public EntryOrigin Origin { get; init; } = EntryOrigin.List;

    /// <summary>Which heading's section the entry was read under (labels inside it share the number).</summary>
    public int Scope { get; init; }

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
