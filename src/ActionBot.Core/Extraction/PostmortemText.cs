namespace ActionBot.Core.Extraction;

/// <summary>Raw postmortem bytes turned into text, or the reason they cannot be.</summary>
public sealed record PostmortemText
{
    /// <summary>Larger files are refused: no real postmortem is this long, and the cap bounds work per file.</summary>
    public const int MaxBytes = 5 * 1024 * 1024;

    public string? Text { get; private init; }
    public string? Error { get; private init; }

    public static PostmortemText Ok(string text) => new() { Text = text };
    public static PostmortemText Unreadable(string reason) => new() { Error = reason };
}
