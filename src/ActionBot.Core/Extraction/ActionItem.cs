namespace ActionBot.Core.Extraction;

/// <summary>One corrective or preventative task found in a postmortem.</summary>
/// <remarks>
/// <see cref="Title"/> is a verbatim prefix of the entry's plain text and <see cref="Details"/> the rest,
/// so <c>Title + " " + Details</c> is always the whole entry (Markdown stripped, whitespace folded).
/// </remarks>
public sealed record ActionItem
{
    public required string Id { get; init; }
    public required string Title { get; init; }
    public string? Details { get; init; }
    public required string Section { get; init; }
    public IReadOnlyList<string> Owners { get; init; } = [];
    public DateOnly? Due { get; init; }
    public string? Priority { get; init; }
    public ActionItemKind? Kind { get; init; }
    public bool Done { get; init; }

    /// <summary>1-based line of the entry in the source text.</summary>
    public int Line { get; init; }

    /// <summary>A link to a tracker ticket given beside the entry (table column or trailing link), if any.</summary>
    public string? Ticket { get; init; }

    /// <summary>The whole entry as plain text: title and details joined.</summary>
    public string Text => Details is null ? Title : $"{Title} {Details}";
}

public enum ActionItemKind
{
    Corrective,
    Preventative,
}
