using System.Text.RegularExpressions;

namespace ActionBot.Core.Extraction.Fields;

/// <summary>What stood at the end of an entry that is not part of its text: tracker links and status notes.</summary>
public sealed record TrailingNotes(string Text, bool Done, string? Ticket);

/// <summary>Strips "(in progress)", "✅", "[JIRA-123]", "— tracked in #42" and the like from the end of an entry.</summary>
public static partial class TrailingNotesParser
{
    private const string Statuses = "in[ -]progress|wip|done|completed?|open|closed|todo|to[ -]do|tbd|pending|ongoing|not[ -]started|blocked|fixed|resolved|shipped|merged|planned|in[ -]review|started";

    [GeneratedRegex(@"\s*(?:[\(\[]\s*(?:status\s*:\s*)?(?<status>" + Statuses + @")\s*[\)\]]|[-–—|:]\s*(?:status\s*:\s*)?(?<status>" + Statuses + @")|(?<status>✅|✔️?|☑️?))\s*\.?\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Status();

    private const string Ticket = @"#\d+|[A-Z][A-Z0-9_]{1,15}-\d+|https?://\S+";

    // A ticket at the end counts when bracketed, introduced ("tracked in #42") or set off by a dash; a bare URL always.
    [GeneratedRegex(@"\s*(?:[\(\[]\s*(?:(?:tracked\s+in|tracking|ticket|issue|jira|bug|see|link)\s*:?\s*)?(?<ticket>" + Ticket + @")\s*[\)\]]|[,;:]?\s*(?:tracked\s+in|tracking|ticket|issue|jira|bug|see)\s*:?\s*(?<ticket>" + Ticket + @")|\s[-–—|]\s*(?<ticket>" + Ticket + @")|(?<=[.!?])\s+(?<ticket>(?-i:[A-Z][A-Z0-9_]{1,15}-\d+)|#\d+)|\s(?<ticket>https?://\S+))\s*\.?\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TrailingTicket();

    private static readonly string[] DoneStatuses = ["done", "complete", "completed", "closed", "fixed", "resolved", "shipped", "merged", "✅", "✔", "✔️", "☑", "☑️"];

    public static TrailingNotes Parse(string text)
    {
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

        return new TrailingNotes(text.TrimEnd(' ', '-', '–', '—', ',', ';', '|'), done, ticket);
    }
}
