namespace ActionBot.Core.Extraction.Text;

/// <summary>
/// A short label typed without Markdown at the start of a line, then a colon and its text:
/// "Enhanced Monitoring: Implement...", "Regular audits: Schedule...". Times ("10:30 AM:") and sentences are not labels.
/// </summary>
internal static class PlainLabel
{
    private const int MaxWords = 5;

    private static readonly HashSet<string> NotInLabels = new(StringComparer.OrdinalIgnoreCase)
    {
        "we", "i", "you", "they", "he", "she", "it", "is", "are", "was", "were", "will", "should", "have", "has", "had", "this", "that",
        "there", "here", "our", "my", "your", "following", "below", "these",
    };

    /// <summary>The length of the label and its colon ("Enhanced Monitoring:"), or 0 when the line does not open with one.</summary>
    public static int Length(string line)
    {
        var colon = line.IndexOf(": ", StringComparison.Ordinal);
        if (colon <= 0 || colon > 60 || colon + 2 >= line.Length || !char.IsUpper(line[0]))
        {
            return 0;
        }

        var words = 0;
        foreach (var word in line.AsSpan(0, colon).Split(' '))
        {
            var text = line.AsSpan(0, colon)[word];
            if (text.IsEmpty || char.IsDigit(text[0]) || NotInLabels.Contains(text.ToString()) || text.IndexOfAny(".,;!?") >= 0 || ++words > MaxWords)
            {
                return 0;
            }
        }

        return colon + 1;
    }
}
