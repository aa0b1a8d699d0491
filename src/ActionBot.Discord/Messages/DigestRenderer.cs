using System.Globalization;
using ActionBot.Core.Reminders;
using ActionBot.Discord.Api;

namespace ActionBot.Discord.Messages;

/// <summary>The weekly digest: completion rate, open items by postmortem (overdue marked), items closed this week.</summary>
public static class DigestRenderer
{
    public static RenderedMessage Render(WeeklyDigest digest, int maxMessages = 10)
    {
        ArgumentNullException.ThrowIfNull(digest);
        var rate = Percent(digest.CompletionRate);
        var trend = digest.PreviousCompletionRate is { } previous ? $" (a week ago: {Percent(previous)})" : "";
        var open = digest.Open.Sum(g => g.Items.Count);
        var overdue = digest.Open.Sum(g => g.Items.Count(e => e.Overdue));
        var header = $"**Postmortem digest, week of {ItemLines.Date(digest.WeekOf)}**\n"
            + $"{open} open action item{(open == 1 ? "" : "s")} ({overdue} overdue), {digest.ClosedThisWeek.Count} closed this week; {rate} of all items done{trend}.";
        var lines = new List<string>();
        foreach (var group in digest.Open)
        {
            lines.Add($"__{ItemLines.Postmortem(group.Postmortem)}__{ItemLines.TrackingIssue(group.Postmortem)}");
            lines.AddRange(group.Items.Select(entry =>
                $"• {ItemLines.Title(entry.Item)} — {ItemLines.Owners(entry.Item.Owners)} — {(entry.Overdue ? "**overdue**, was " : "")}due {ItemLines.Date(entry.Due)} — {ItemLines.Issue(entry.Item)}"));
        }

        if (digest.ClosedThisWeek.Count > 0)
        {
            lines.Add("__Closed this week__");
            lines.AddRange(digest.ClosedThisWeek.Select(item => $"• {ItemLines.Title(item)} — {ItemLines.Issue(item)}"));
        }

        return new RenderedMessage(MessageSplitter.Split(header, lines, maxMessages), AllowedMentions.None);
    }

    // "50%", as people write it (the invariant culture's P0 gives "50 %").
    private static string Percent(double rate) => rate.ToString("0%", CultureInfo.InvariantCulture);
}
