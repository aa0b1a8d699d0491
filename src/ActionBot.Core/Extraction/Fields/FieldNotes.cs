using System.Text.RegularExpressions;

namespace ActionBot.Core.Extraction.Fields;

/// <summary>
/// Finds a tail of a title that only restates fields read into their own places: "(owner: @bob, due 2025-03-07)",
/// "— @alice, P1". Such a tail reads badly in an issue list or a chat line, and loses nothing when moved to the details.
/// </summary>
public static partial class FieldNotes
{
    // One note: mentions, an owner annotation, a due date with or without its word, a priority. Anything else (a word
    // of the task) means the tail is part of the task and stays.
    [GeneratedRegex(
        @"^\s*(?:" +
        @"@[A-Za-z0-9][A-Za-z0-9-]*(?:\s*(?:&|and|/)\s*@[A-Za-z0-9][A-Za-z0-9-]*)*" +
        @"|(?:owners?|assignees?|assigned\s+to|responsible|dri|poc)\s*[:=\-–]?\s*[^,;]+" +
        @"|(?:due(?:\s+date)?|by|deadline|eta|target(?:\s+date)?)\s*(?:[:=\-–]\s*|on\s+)?(?:" + DueDateParser.AnyDate + @")" +
        @"|(?:due(?:\s+date)?|deadline|eta|target(?:\s+date)?)\s*(?:[:=\-–]\s*|on\s+)?" + DueDateParser.DayAndMonth +
        @"|(?:" + DueDateParser.AnyDate + @")" +
        @"|[Pp][0-4]|(?:priority|prio)\s*[:=\-–]?\s*\w+|(?:critical|urgent|high|medium|low)(?:\s+priority)?" +
        @")\s*$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Note();

    // Right to left: the first match is the last dash, found without scanning the title once per dash.
    [GeneratedRegex(@"\s+[—–-]\s+", RegexOptions.CultureInvariant | RegexOptions.RightToLeft)]
    private static partial Regex DashBeforeLastSegment();

    // Notes are separated by commas and semicolons; the comma of "March 3, 2025" is not a separator.
    [GeneratedRegex(@";|,(?!\s*\d{4}\b)", RegexOptions.CultureInvariant)]
    private static partial Regex NoteSeparator();

    // A first sentence longer than this is cut at the title's length limit anyway; the bound keeps the cost flat.
    private const int MaxLength = 300;

    /// <summary>True when <paramref name="text"/> is nothing but field notes: "(Due: Feb 28, 2025).", "— @alice, P1".</summary>
    public static bool IsOnlyNotes(string text)
    {
        var content = text.AsSpan().Trim().TrimEnd('.').Trim();
        if (content.Length is 0 or > MaxLength)
        {
            return false;
        }

        content = content[0] is '(' or '[' && content[^1] is ')' or ']' ? content[1..^1] : content.TrimStart("—–- ");
        return content.Length > 0 && NoteSeparator().Split(content.ToString()).All(part => Note().IsMatch(part));
    }

    /// <summary>Where a tail of field notes begins in <paramref name="title"/>, or null when it has none.</summary>
    public static int? TailStart(string title)
    {
        var end = title.AsSpan().TrimEnd().TrimEnd('.').Length;
        if (end == 0 || end > MaxLength)
        {
            return null;
        }

        int start;
        string content;
        if (title[end - 1] is ')' or ']' && title.LastIndexOf(title[end - 1] == ')' ? '(' : '[', end - 1) is var open and > 0)
        {
            (start, content) = (open, title[(open + 1)..(end - 1)]);
        }
        else if (DashBeforeLastSegment().Match(title, 0, end) is { Success: true } dash)
        {
            (start, content) = (dash.Index, title[(dash.Index + dash.Length)..end]);
        }
        else
        {
            return null;
        }

        // What stays must still say the task: at least two words.
        var kept = title.AsSpan(0, start).Trim();
        if (kept.Count(' ') < 1 || NoteSeparator().Split(content).Any(part => !Note().IsMatch(part)))
        {
            return null;
        }

        return start;
    }
}
