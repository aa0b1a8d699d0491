using System.Globalization;

namespace ActionBot.Discord.Messages;

/// <summary>
/// Packs a header and lines into Discord messages of at most <see cref="MaxContentLength"/> characters, breaking only
/// between lines. A line too long for one message is shortened at a word boundary; lines beyond
/// <c>maxMessages</c> are summed up as "… and N more" at the end of the last message.
/// </summary>
public static class MessageSplitter
{
    /// <summary>Discord's limit on a message's content.</summary>
    public const int MaxContentLength = 2000;

    private const string Ellipsis = "…";

    public static IReadOnlyList<string> Split(string? header, IReadOnlyList<string> lines, int maxMessages = 10, int limit = MaxContentLength)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxMessages, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 100);
        var more = MoreLine(lines.Count);

        // Every line fits a message of its own, with room for the "and N more" line.
        var fitted = lines.Select(line => Shorten(line, limit - more.Length - 1)).ToList();
        var messages = new List<string>();
        var current = header is null ? "" : Shorten(header, limit - more.Length - 1);
        for (var i = 0; i < fitted.Count; i++)
        {
            var line = fitted[i];
            var isLastMessage = messages.Count == maxMessages - 1;
            var room = isLastMessage && i < fitted.Count - 1 ? limit - more.Length - 1 : limit;
            if (Joined(current, line).Length <= room)
            {
                current = Joined(current, line);
                continue;
            }

            if (isLastMessage)
            {
                messages.Add(Joined(current, MoreLine(fitted.Count - i)));
                return messages;
            }

            messages.Add(current);
            current = line;
        }

        if (current.Length > 0 || messages.Count == 0)
        {
            messages.Add(current);
        }

        return messages;
    }

    /// <summary><paramref name="text"/> cut to at most <paramref name="max"/> characters at a word boundary, with "…".</summary>
    public static string Shorten(string text, int max)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length <= max)
        {
            return text;
        }

        var cut = text.LastIndexOf(' ', max - Ellipsis.Length);
        if (cut <= 0)
        {
            cut = max - Ellipsis.Length; // one word longer than a message: nothing else can be done
        }

        // A cut between the halves of a surrogate pair would leave half a character.
        if (char.IsHighSurrogate(text[cut - 1]))
        {
            cut--;
        }

        // A cut just after an escaping backslash would escape the ellipsis instead.
        var kept = text[..cut].TrimEnd();
        if (kept.EndsWith('\\') && (kept.Length - kept.TrimEnd('\\').Length) % 2 == 1)
        {
            kept = kept[..^1];
        }

        return kept + Ellipsis;
    }

    private static string Joined(string current, string line) => current.Length == 0 ? line : current + "\n" + line;

    private static string MoreLine(int count) => string.Create(CultureInfo.InvariantCulture, $"{Ellipsis} and {count} more");
}
