using System.Text;

namespace ActionBot.Discord.Messages;

/// <summary>Makes untrusted text (postmortems, issue titles, user input) show as typed in a Discord message.</summary>
public static class DiscordMarkdown
{
    /// <summary>Keeps "@everyone" and "@here" from looking like (or being parsed as) mass mentions.</summary>
    private const char ZeroWidthSpace = '\u200B';

    /// <summary>
    /// Escapes every character Discord Markdown gives a meaning to (emphasis, code, spoilers, quotes, headings, masked
    /// links, and the <c>&lt;</c> that opens user, role, channel and command mentions), folds line breaks (a title
    /// stays one line) and breaks <c>@everyone</c> / <c>@here</c> with a zero-width space.
    /// </summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var builder = new StringBuilder(text.Length + 8);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '\\' or '*' or '_' or '~' or '`' or '|' or '>' or '#' or '[' or ']' or '(' or ')' or '<':
                    builder.Append('\\').Append(c);
                    break;
                case '\r' or '\n' or '\t':
                    builder.Append(' ');
                    break;
                case '@':
                    builder.Append('@');
                    if (StartsWithWord(text, i + 1, "everyone") || StartsWithWord(text, i + 1, "here"))
                    {
                        builder.Append(ZeroWidthSpace);
                    }

                    break;
                default:
                    builder.Append(c);
                    break;
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// What someone typed, to be shown back to them: escaped like <see cref="Escape"/> and cut to at most
    /// <paramref name="maxLength"/> characters (with "…"), so an option of any size makes a short answer.
    /// </summary>
    public static string Excerpt(string? text, int maxLength = 80)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 2);
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        // Escaping only lengthens text, so the head of the input is all that can show; it bounds the work too.
        var head = text.Length > maxLength + 1 ? text[..(maxLength + 1)] : text;
        return MessageSplitter.Shorten(Escape(head), maxLength);
    }

    /// <summary>A URL as a link target: angle brackets keep Discord from unfurling a preview.</summary>
    public static string Link(string label, string url) => $"[{label}](<{url.Replace(">", "%3E", StringComparison.Ordinal).Replace(")", "%29", StringComparison.Ordinal)}>)";

    private static bool StartsWithWord(string text, int start, string word) =>
        string.Compare(text, start, word, 0, word.Length, StringComparison.OrdinalIgnoreCase) == 0;
}
