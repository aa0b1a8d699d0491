using System.Text;

namespace ActionBot.Core.Extraction.Text;

/// <summary>Whitespace folding and the removal of emphasis markers Markdig left unmatched.</summary>
internal static class TextFolding
{
    public static string Fold(string text)
    {
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

            // A doubled * or _ that survived parsing is an unmatched bold marker, never words.
            if ((c == '*' || c == '_') && i + 1 < text.Length && text[i + 1] == c)
            {
                i++;
                continue;
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
}
