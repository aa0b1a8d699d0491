using ActionBot.Core.Reminders;
using ActionBot.Discord.Api;

namespace ActionBot.Discord.Messages;

/// <summary>Reminders (one message per person, all their due items) and escalations of items overdue for long.</summary>
public static class ReminderRenderer
{
    /// <summary>A reminder as a DM (<paramref name="direct"/>) or as a channel message naming the GitHub login (no ping).</summary>
    public static RenderedMessage Render(ReminderMessage reminder, bool direct)
    {
        ArgumentNullException.ThrowIfNull(reminder);
        var who = DiscordMarkdown.Escape(reminder.Recipient.GitHubLogin ?? "someone");
        var header = direct
            ? $"**Reminder:** {Count(reminder.Items.Count)} of yours need{(reminder.Items.Count == 1 ? "s" : "")} attention."
            : $"**Reminder for {who}:** {Count(reminder.Items.Count)} need{(reminder.Items.Count == 1 ? "s" : "")} attention.";
        var lines = reminder.Items.Select(Line).ToList();
        return new RenderedMessage(MessageSplitter.Split(header, lines), AllowedMentions.None);
    }

    public static RenderedMessage RenderEscalation(EscalationMessage escalation, IReadOnlyDictionary<string, string> mentions)
    {
        ArgumentNullException.ThrowIfNull(escalation);
        ArgumentNullException.ThrowIfNull(mentions);
        var item = escalation.Item.Item;
        var header = $"**Overdue for {escalation.Item.DaysOverdue} day{(escalation.Item.DaysOverdue == 1 ? "" : "s")}** after {escalation.OverdueReminders} reminder{(escalation.OverdueReminders == 1 ? "" : "s")}:";
        var line = $"• {ItemLines.Title(item)} — {ItemLines.Owners(item.Owners, mentions)} — was due {ItemLines.Date(escalation.Item.Due)} — {ItemLines.Issue(item)}";
        var pinged = item.Owners.Where(mentions.ContainsKey).Select(o => mentions[o]);
        return new RenderedMessage(MessageSplitter.Split(header, [line]), AllowedMentions.OnlyUsers(pinged));
    }

    private static string Line(DueItem due)
    {
        var when = due.Kind switch
        {
            ReminderKind.BeforeDue => $"due {ItemLines.Date(due.Due)}",
            ReminderKind.OnDue => "due today",
            _ => $"overdue by {due.DaysOverdue} day{(due.DaysOverdue == 1 ? "" : "s")} (due {ItemLines.Date(due.Due)})",
        };
        return $"• {ItemLines.Title(due.Item)} — {when} — {ItemLines.Issue(due.Item)}";
    }

    private static string Count(int items) => items == 1 ? "1 action item" : $"{items} action items";
}
