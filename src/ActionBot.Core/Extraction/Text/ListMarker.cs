using System.Globalization;

namespace ActionBot.Core.Extraction.Text;

/// <summary>The marker that opens a list line in Markdown or plain text: "- ", "• ", "2) ", "10. ", "&gt;".</summary>
internal static class ListMarker
{
    private const string Bullets = "-*+•◦▪‣·–—";

    /// <summary>Length of the marker and the space after it, or 0 when the line does not open with one.</summary>
    public static int Length(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return 0;
        }

        if (text[0] == '>')
        {
            return text.Length > 1 && text[1] == ' ' ? 2 : 1;
        }

        if (Bullets.Contains(text[0]))
        {
            return text.Length > 1 && text[1] == ' ' ? 2 : 0;
        }

        var digits = Digits(text);
        return digits > 0 && digits + 1 < text.Length && text[digits] is '.' or ')' && text[digits + 1] == ' ' ? digits + 2 : 0;
    }

    /// <summary>
    /// Like <see cref="Length"/>, and also the markers of text typed without Markdown: a dash glued to a capital
    /// ("-Implement"), "1, " numbering, an emoji or ":shortcode:" used as a bullet. Done marks are not bullets.
    /// </summary>
    public static int PlainLength(ReadOnlySpan<char> text)
    {
        var length = Length(text);
        if (length > 0 || text.Length < 3)
        {
            return length;
        }

        if (text[0] is '-' or '*' or '•' && char.IsUpper(text[1]))
        {
            return 1;
        }

        var digits = Digits(text);
        if (digits > 0 && digits + 1 < text.Length && text[digits] == ',' && text[digits + 1] == ' ')
        {
            return digits + 2;
        }

        return SymbolLength(text);
    }

    // ":small_orange_diamond:", "🔹", "▶": a picture standing where a bullet would.
    private static int SymbolLength(ReadOnlySpan<char> text)
    {
        var end = 0;
        if (text[0] == ':')
        {
            end = text[1..].IndexOf(':') + 2;
            if (end < 3 || !IsShortcode(text[1..(end - 1)]) || IsDoneShortcode(text[1..(end - 1)]))
            {
                return 0;
            }
        }
        else
        {
            while (end < text.Length && IsPictograph(text, end, out var width))
            {
                end += width;
            }
        }

        while (end > 0 && end < text.Length && text[end] == ' ')
        {
            end++;
        }

        return end < text.Length ? end : 0;
    }

    private static bool IsShortcode(ReadOnlySpan<char> name)
    {
        foreach (var c in name)
        {
            if (!(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '_' or '+' or '-'))
            {
                return false;
            }
        }

        return name.Length > 1;
    }

    private static bool IsDoneShortcode(ReadOnlySpan<char> name) =>
        name is "white_check_mark" or "heavy_check_mark" or "ballot_box_with_check";

    // Symbols and emoji (with their variation selectors), but not the check marks that mean "done".
    private static bool IsPictograph(ReadOnlySpan<char> text, int at, out int width)
    {
        width = char.IsSurrogatePair(text[at], at + 1 < text.Length ? text[at + 1] : '\0') ? 2 : 1;
        if (text[at] is '\uFE0F' or '\u200D')
        {
            return true;
        }

        var category = width == 2
            ? CharUnicodeInfo.GetUnicodeCategory(char.ConvertToUtf32(text[at], text[at + 1]))
            : CharUnicodeInfo.GetUnicodeCategory(text[at]);
        return category == UnicodeCategory.OtherSymbol && text[at] is not ('✅' or '✔' or '☑' or '✓');
    }

    private static int Digits(ReadOnlySpan<char> text)
    {
        var digits = 0;
        while (digits < text.Length && digits < 9 && char.IsAsciiDigit(text[digits]))
        {
            digits++;
        }

        return digits;
    }
}
