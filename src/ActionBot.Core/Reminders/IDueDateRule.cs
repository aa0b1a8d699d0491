using ActionBot.Core.Tracking;

namespace ActionBot.Core.Reminders;

/// <summary>
/// When an item is due, in the configured time zone (<c>Reminders:TimeZone</c>): the date its postmortem gives,
/// else its postmortem's merge date plus a number of days that depends on its priority.
/// </summary>
public interface IDueDateRule
{
    /// <summary>The item's effective due date; <paramref name="postmortem"/> gives the merge date (the item's creation when null).</summary>
    DateOnly DueDate(TrackedItem item, TrackedPostmortem? postmortem);

    /// <summary>The due date of an item that states <paramref name="stated"/> (or none), of a postmortem merged at <paramref name="mergedAt"/>.</summary>
    DateOnly DueDate(DateOnly? stated, string? priority, DateTimeOffset mergedAt);

    /// <summary>
    /// The same for an item <c>backfill</c> may have found (<paramref name="backfilledAt"/>): counted from its postmortem's
    /// own date when it gives one, and moved past the backfill when it had long passed (<see cref="ReminderSettings.BackfillGraceDays"/>).
    /// </summary>
    DateOnly DueDate(DateOnly? stated, string? priority, DateTimeOffset mergedAt, DateOnly? postmortemDate, DateTimeOffset? backfilledAt);

    /// <summary>The policy: days from the merge to the due date of an item of <paramref name="priority"/> that states none.</summary>
    int DueDays(string? priority);

    /// <summary>The calendar date of <paramref name="instant"/> in the configured time zone.</summary>
    DateOnly LocalDate(DateTimeOffset instant);
}
