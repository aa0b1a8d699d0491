namespace ActionBot.Core.Extraction.Fields;

/// <summary>A title, the rest of the entry, and whether the title was cut short mid-sentence.</summary>
public readonly record struct TitleSplit(string Title, string? Details, bool Cut);

/// <summary>
/// Splits an entry into a short title and the rest. The title is always a verbatim prefix of the text (but for a
/// label's colon), so nothing is lost: a lead-in label ("Automate renewal:"), else the first sentence without a
/// tail of field notes, cut on a word boundary.
/// </summary>
public static class TitleSplitter
{
    public const int MaxTitleLength = 100;

    private static readonly string[] Abbreviations = ["e.g.", "i.e.", "etc.", "vs.", "approx.", "incl.", "mr.", "ms.", "dr.", "no.", "fig.", "min.", "max.", "est."];

    public static TitleSplit Split(string text, string? leadIn)
    {
        var labelled = leadIn is { Length: > 0 } && text.StartsWith(leadIn, StringComparison.Ordinal) && leadIn.Length < text.Length;
        var end = labelled ? leadIn!.Length : FirstSentenceEnd(text);
        if (!labelled && FieldNotes.TailStart(text[..end]) is { } notes)
        {
            // "Alert on lag (owner: @bob, due 2025-03-07)": the notes are read into fields; the title is the task.
            end = notes;
        }

        var cut = end > MaxTitleLength;
        if (cut)
        {
            end = WordBoundaryBefore(text, MaxTitleLength);
        }

        // A label's colon is punctuation of the text, not part of the title: "Improve caching configuration", not "...:".
        var title = labelled && !cut ? text[..end].TrimEnd().TrimEnd(':').TrimEnd() : text[..end].TrimEnd();
        var details = text[end..].Trim();
        return new TitleSplit(title, details.Length == 0 ? null : details, cut && details.Length > 0);
    }

    /// <summary>
    /// Where the first sentence ends: after . ! or ? followed by a space and not by a lower-case word ("steps 1. and 2."),
    /// abbreviations aside.
    /// </summary>
    internal static int FirstSentenceEnd(ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length - 1; i++)
        {
            if (text[i] is '.' or '!' or '?' && text[i + 1] == ' ' && !(i + 2 < text.Length && char.IsLower(text[i + 2])) && !EndsWithAbbreviation(text, i + 1))
            {
                return i + 1;
            }
        }

        return text.Length;
    }

    private static bool EndsWithAbbreviation(ReadOnlySpan<char> text, int end)
    {
        foreach (var abbreviation in Abbreviations)
        {
            if (end >= abbreviation.Length && text.Slice(end - abbreviation.Length, abbreviation.Length).Equals(abbreviation, StringComparison.OrdinalIgnoreCase)
                && (end == abbreviation.Length || !char.IsLetter(text[end - abbreviation.Length - 1])))
            {
                return true;
            }
        }

        return false;
    }

    private static int WordBoundaryBefore(string text, int limit)
    {
        var space = text.LastIndexOf(' ', limit);
        // A single word longer than the limit (a URL) is cut where the limit falls.
        return space > 0 ? space : limit;
    }
}
