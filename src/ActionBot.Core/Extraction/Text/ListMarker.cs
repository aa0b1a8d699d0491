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

        var digits = 0;
        while (digits < text.Length && digits < 9 && char.IsAsciiDigit(text[digits]))
        {
            digits++;
        }

        return digits > 0 && digits + 1 < text.Length && text[digits] is '.' or ')' && text[digits + 1] == ' ' ? digits + 2 : 0;
    }
}
