using System.Buffers;
using System.Text;

namespace ActionBot.Core.Extraction.Text;

/// <summary>Whitespace folding and the removal of emphasis markers Markdig left unmatched.</summary>
internal static class TextFolding
{
    public static string Fold(string text)
    {
        if (IsFolded(text))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            // A doubled * or _ that survived parsing is an unmatched bold marker, never words; so is a pair that
            // meets once the markers between them are gone ("*__*").
            if (c is '*' or '_')
            {
                var run = 1;
                while (i + run < text.Length && text[i + run] == c)
                {
                    run++;
                }

                if (run > 1 || (!pendingSpace && builder.Length > 0 && builder[^1] == c))
                {
                    if (run == 1)
                    {
                        builder.Length--;
                    }

                    i += run - 1;
                    continue;
                }
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    // Whitespace other than a plain space, and control characters: text holding any of them needs folding.
    private static readonly SearchValues<char> Unclean = SearchValues.Create(
        Enumerable.Range(0, char.MaxValue + 1).Select(c => (char)c).Where(c => c != ' ' && (char.IsWhiteSpace(c) || char.IsControl(c))).ToArray());

    // Most text is already clean: single spaces, no edges, no stray markers. Then no copy is needed.
    private static bool IsFolded(string text)
    {
        if (text.Length == 0)
        {
            return true;
        }

        var span = text.AsSpan();
        return text[0] != ' ' && text[^1] != ' ' && !span.ContainsAny(Unclean) && !span.Contains("  ", StringComparison.Ordinal)
            && !span.Contains("**", StringComparison.Ordinal) && !span.Contains("__", StringComparison.Ordinal);
    }
}
