namespace ActionBot.Core.Extraction;

/// <summary>One corrective or preventative task found in a postmortem.</summary>
/// <remarks>
/// <see cref="Title"/> is the start of the entry's plain text and <see cref="Details"/> the rest, so <c>Title</c> and
/// <c>Details</c> together hold the whole entry (Markdown stripped, whitespace folded); only a label's colon is left
/// out between them ("Automate renewal" / "Move the certificate..."). <see cref="Text"/> is the entry as written.
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

    /// <summary>True when the title was cut at its length limit in the middle of a sentence (its details go on with it).</summary>
    public bool TitleCut { get; init; }

    /// <summary>The whole entry as plain text (by default, title and details joined).</summary>
    public string Text
    {
        get => _text ?? (Details is null ? Title : $"{Title} {Details}");
        init => _text = value;
    }

    private readonly string? _text;
}

public enum ActionItemKind
{
    Corrective,
    Preventative,
}
