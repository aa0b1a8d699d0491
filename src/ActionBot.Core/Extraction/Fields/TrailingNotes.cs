using System.Text.RegularExpressions;

namespace ActionBot.Core.Extraction.Fields;

/// <summary>What stood at the end of an entry that is not part of its text: tracker links and status notes.</summary>
public sealed record TrailingNotes(string Text, bool Done, string? Ticket);

/// <summary>Strips "(in progress)", "✅", "[JIRA-123]", "— tracked in #42" and the like from the end of an entry.</summary>
public static partial class TrailingNotesParser
{
    private const string Statuses = "in[ -]progress|wip|done|completed?|open|closed|todo|to[ -]do|tbd|pending|ongoing|not[ -]started|blocked|fixed|resolved|shipped|merged|planned|in[ -]review|started|accomplished|finished|implemented";

    [GeneratedRegex(@"\s*(?:[\(\[]\s*(?:status\s*:\s*)?(?<status>" + Statuses + @")\s*[.!]?\s*[\)\]]|[-–—|:]\s*(?:status\s*:\s*)?(?<status>" + Statuses + @")|(?<status>✅|✔️?|☑️?))\s*\.?\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.RightToLeft)]
    private static partial Regex Status();

    private const string Ticket = @"#\d+|[A-Z][A-Z0-9_]{1,15}-\d+|https?://\S+";

    // Both patterns are anchored at the end, so they are matched right to left: linear, and cheap on long text.
    // A ticket at the end counts when bracketed, introduced ("tracked in #42") or set off by a dash; a bare URL always.
    [GeneratedRegex(@"\s*(?:[\(\[]\s*(?:(?:tracked\s+in|tracking|ticket|issue|jira|bug|see|link)\s*:?\s*)?(?<ticket>" + Ticket + @")\s*[\)\]]|[,;:]?\s*(?:tracked\s+in|tracking|ticket|issue|jira|bug|see)\s*:?\s*(?<ticket>" + Ticket + @")|\s[-–—|]\s*(?<ticket>" + Ticket + @")|:\s*(?<ticket>" + Ticket + @")|(?<=[.!?])\s+(?<ticket>(?-i:[A-Z][A-Z0-9_]{1,15}-\d+)|#\d+)|\s(?<ticket>https?://\S+))\s*\.?\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.RightToLeft)]
    private static partial Regex TrailingTicket();

    // What separates an entry from its notes; a static array, since this runs for every entry.
    private static readonly char[] NoteSeparators = [' ', '-', '–', '—', ',', ';', ':', '|'];

    private static readonly string[] DoneStatuses = ["done", "complete", "completed", "closed", "fixed", "resolved", "shipped", "merged", "accomplished", "finished", "implemented", "✅", "✔", "✔️", "☑", "☑️"];

    public static TrailingNotes Parse(string text)
    {
        if (!MayEndWithNote(text))
        {
            return new TrailingNotes(text, false, null);
        }

        var done = false;
        string? ticket = null;
        // Notes may be stacked ("... (#42) (done)"); a handful of passes strips them all.
        for (var pass = 0; pass < 4; pass++)
        {
            var status = Status().Match(text);
            if (status.Success && status.Index > 0)
            {
                done |= DoneStatuses.Contains(status.Groups["status"].Value.ToLowerInvariant());
                text = text[..status.Index];
                continue;
            }

            var link = TrailingTicket().Match(text);
            if (link.Success && link.Index > 0)
            {
                ticket ??= link.Groups["ticket"].Value;
                text = text[..link.Index];
                continue;
            }

            break;
        }

        return new TrailingNotes(text.TrimEnd(NoteSeparators), done, ticket);
    }

    // "GH-103: add health checks", "#42 (done): rotate keys", "Done: add a lab environment": a tracker reference or a
    // status standing before the task, as a label would. Upper-case keys only: "Q3-2024 plan: ..." is not a ticket.
    [GeneratedRegex(@"^\s*(?:(?<ticket>(?-i:[A-Z][A-Z0-9_]{1,15}-\d+)|#\d+)\s*(?:[\(\[]\s*(?<status>" + Statuses + @")\s*[\)\]])?|(?<status>" + Statuses + @"))\s*:\s+(?=\S)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LeadingNote();

    /// <summary>Strips a tracker reference or status that leads the entry like a label ("GH-103 (Done): add...").</summary>
    public static TrailingNotes ParseLeading(TrailingNotes notes)
    {
        var text = notes.Text;
        if (text.Length == 0 || !(char.IsUpper(text[0]) || text[0] == '#') || text.IndexOf(':', StringComparison.Ordinal) is < 0 or > 40 || LeadingNote().Match(text) is not { Success: true } lead)
        {
            return notes;
        }

        var status = lead.Groups["status"];
        return new TrailingNotes(
            text[lead.Length..],
            notes.Done || (status.Success && DoneStatuses.Contains(status.Value.ToLowerInvariant())),
            notes.Ticket ?? (lead.Groups["ticket"].Success ? lead.Groups["ticket"].Value : null));
    }

    // A note ends in a bracket, a ticket number, a URL, a status word or a check mark; most entries end in a word.
    private static bool MayEndWithNote(string text)
    {
        var trimmed = text.AsSpan().TrimEnd().TrimEnd('.');
        if (trimmed.IsEmpty)
        {
            return false;
        }

        var last = trimmed[^1];
        if (last is ')' or ']' || char.IsAsciiDigit(last) || last > '\u024F' || text.Contains("http", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var wordStart = trimmed.LastIndexOfAny(' ', '-', ':');
        var lastWord = trimmed[(wordStart + 1)..].ToString().ToLowerInvariant();
        return StatusWords.Contains(lastWord);
    }

    private static readonly HashSet<string> StatusWords =
        ["progress", "wip", "done", "complete", "completed", "open", "closed", "todo", "do", "tbd", "pending", "ongoing", "started",
         "blocked", "fixed", "resolved", "shipped", "merged", "planned", "review", "accomplished", "finished", "implemented"];
}
