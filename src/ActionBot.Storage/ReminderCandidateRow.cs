using ActionBot.Core.Ports;
using ActionBot.Core.Reminders;

namespace ActionBot.Storage;

/// <summary>An open item as the reminder sweep reads it: the item's row, its postmortem's author and merge time, and its reminder state.</summary>
internal sealed class ReminderCandidateRow : ItemRow
{
    public string? Author { get; set; }
    public string MergedAt { get; set; } = "";
    public string? PostmortemDate { get; set; }
    public string? LastSlot { get; set; }
    public long OverdueReminders { get; set; }
    public long Escalated { get; set; }
    public string? LastCommentSlot { get; set; }

    public ReminderCandidate ToCandidate() => new(
        ToItem(),
        Author,
        SqlValues.ParseTimestamp(MergedAt),
        LastSlot is null && OverdueReminders == 0 && Escalated == 0 && LastCommentSlot is null
            ? ReminderState.None
            : new ReminderState(LastSlot, checked((int)OverdueReminders), Escalated != 0, LastCommentSlot),
        SqlValues.ParseDate(PostmortemDate));
}
