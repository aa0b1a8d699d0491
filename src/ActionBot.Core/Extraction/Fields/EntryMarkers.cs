using System.Text.RegularExpressions;

namespace ActionBot.Core.Extraction.Fields;

/// <summary>
/// Words and signs that open an entry without being part of its task: a generic marker ("Action item:", "TODO:"),
/// a done mark ("✅", ":white_check_mark:", "[x]").
/// </summary>
public static partial class EntryMarkers
{
    // "Action item:", "Action point -", "TODO:", "Follow-up:", "Next step:": they say what the entry is, not what to do.
    [GeneratedRegex(@"^\W{0,4}(?:action[\s-]+(?:item|point|planned|required|needed)|todo|to-do|to\s+do|follow[\s-]?up|next\s+step|task)\s*(?::|\s[-–—])\s*(?=\S)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Generic();

    [GeneratedRegex(@"^(?:\s*(?:✅|✔️?|☑️?|✓|:white_check_mark:|:heavy_check_mark:|:ballot_box_with_check:|\[[xX✓]\]))+\s*", RegexOptions.CultureInvariant)]
    private static partial Regex LeadingDone();

    /// <summary>The length of a generic marker opening <paramref name="text"/>, or 0.</summary>
    public static int GenericLength(string text) =>
        text.Length > 4 && MayOpenWithMarker(text) && Generic().Match(text) is { Success: true } match ? match.Length : 0;

    // Every generic marker opens (after a bullet or two) with a, f, n or t and has a colon or dash soon after.
    private static bool MayOpenWithMarker(string text)
    {
        var span = text.AsSpan(0, Math.Min(text.Length, 32));
        var letter = span.IndexOfAnyInRange('A', 'z');
        return letter is >= 0 and <= 4 && char.ToLowerInvariant(span[letter]) is 'a' or 'f' or 'n' or 't' && span.IndexOfAny(':', '-', '–') > letter;
    }

    /// <summary>The length of the done marks opening <paramref name="text"/>, or 0.</summary>
    public static int DoneLength(string text) =>
        text.Length > 0 && text[0] is '✅' or '✔' or '☑' or '✓' or ':' or '[' or ' ' && LeadingDone().Match(text) is { Success: true } match ? match.Length : 0;
}
