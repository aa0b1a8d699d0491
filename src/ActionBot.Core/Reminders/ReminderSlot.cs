using System.Globalization;

namespace ActionBot.Core.Reminders;

/// <summary>
/// One moment at which an item is reminded: before its due date, on it, or the <see cref="Repeat"/>th time overdue.
/// <see cref="Key"/> names the slot for the item's due date (<c>due@2025-03-14</c>, <c>overdue2@2025-03-14</c>), so a
/// slot is recorded once, and a due date that changes starts a fresh schedule.
/// </summary>
public readonly record struct ReminderSlot(ReminderKind Kind, int Repeat, DateOnly Due, DateTimeOffset At)
{
    // Computed once: a sweep compares it with the recorded slot of every item due that day.
    public string Key { get; } = Kind switch
    {
        ReminderKind.BeforeDue => string.Create(CultureInfo.InvariantCulture, $"before@{Due:yyyy-MM-dd}"),
        ReminderKind.OnDue => string.Create(CultureInfo.InvariantCulture, $"due@{Due:yyyy-MM-dd}"),
        _ => string.Create(CultureInfo.InvariantCulture, $"overdue{Repeat}@{Due:yyyy-MM-dd}"),
    };
}

/// <summary>What has been done for an item so far, as recorded in storage.</summary>
public sealed record ReminderState(string? LastSlot, int OverdueReminders, bool Escalated, string? LastCommentSlot)
{
    public static readonly ReminderState None = new(null, 0, false, null);
}

/// <summary>
/// What is due now for one item: a reminder for <see cref="Slot"/> (unless <see cref="RemindNow"/> is false because it
/// was sent already), a comment on its issue for an overdue slot, and an escalation.
/// </summary>
public sealed record ReminderDecision(ReminderSlot Slot, bool RemindNow, bool CommentNow, bool EscalateNow);
