using System.Buffers;
using System.Globalization;
using System.Text;

namespace ActionBot.Core.Observability;

/// <summary>
/// The one sanitiser for untrusted text that reaches a log (headers of unverified requests, paths and names from
/// payloads, owners from postmortems): control characters (ANSI escapes, CR and LF, the other C0 and C1 codes), Unicode
/// line separators and the invisible direction and width marks that make a terminal show other text than was logged
/// become visible <c>\uXXXX</c> escapes, and the text is cut to a bounded length. A log line then says what it says: it
/// can neither repaint a terminal nor forge a second line.
/// </summary>
public static class LogText
{
    // C0 and DEL and C1 (ESC among them), the line and paragraph separators, zero-width characters, and the
    // bidirectional embeddings, overrides and isolates ("Trojan Source").
    private static readonly SearchValues<char> Unsafe = SearchValues.Create(
        string.Concat(Enumerable.Range(0, 0x20).Select(i => (char)i))
        + string.Concat(Enumerable.Range(0x7F, 0x21).Select(i => (char)i))
        + "\u200B\u200C\u200D\u200E\u200F\u2028\u2029\u202A\u202B\u202C\u202D\u202E\u2060\u2066\u2067\u2068\u2069\uFEFF");

    /// <summary>The longest untrusted value a log line carries, in characters, before "…" and the count left out.</summary>
    public const int MaxLength = 200;

    /// <summary>The text as it may be logged: null stays null; nothing longer than <paramref name="maxLength"/> plus the note of what was cut.</summary>
    public static string? Sanitize(string? text, int maxLength = MaxLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxLength);
        if (text is null || IsClean(text, maxLength))
        {
            return text;
        }

        var kept = Math.Min(text.Length, maxLength);
        var safe = new StringBuilder(kept + 16);
        foreach (var c in text.AsSpan(0, kept))
        {
            if (Unsafe.Contains(c))
            {
                safe.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            }
            else
            {
                safe.Append(c);
            }
        }

        return text.Length > kept ? safe.Append(CultureInfo.InvariantCulture, $"…(+{text.Length - kept} chars)").ToString() : safe.ToString();
    }

    /// <summary>True when <see cref="Sanitize"/> would leave <paramref name="text"/> as it is.</summary>
    public static bool IsClean(string text, int maxLength = MaxLength)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length <= maxLength && !text.AsSpan().ContainsAny(Unsafe);
    }
}
