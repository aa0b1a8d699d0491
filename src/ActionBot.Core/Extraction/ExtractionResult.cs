namespace ActionBot.Core.Extraction;

/// <summary>What the extractor read from one postmortem.</summary>
public sealed record ExtractionResult(
    string? Title,
    DateOnly? Date,
    IReadOnlyList<ActionItem> Items,
    IReadOnlyList<ExtractionWarning> Warnings);

/// <summary>Something the extractor could not read cleanly; the rest of the document is still used.</summary>
public sealed record ExtractionWarning(int Line, string Message);
