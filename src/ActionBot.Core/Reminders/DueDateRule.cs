using ActionBot.Core.Tracking;

namespace ActionBot.Core.Reminders;

/// <summary>
/// The due date an item states, else its postmortem's merge date (local) plus the days its priority gives:
/// <see cref="ReminderSettings.DueDaysByPriority"/>, else <see cref="ReminderSettings.DefaultDueDays"/>. An item that
/// <c>backfill</c> found counts from its postmortem's own date (else the commit that last changed it, its merge time
/// then); and if that due date had passed when it was backfilled, it is due <see cref="ReminderSettings.BackfillGraceDays"/>
/// after the backfill instead, so that a team's old tasks do not all remind, comment and escalate on day one.
/// </summary>
public sealed class DueDateRule(ReminderSettings settings) : IDueDateRule
{
    public DateOnly DueDate(TrackedItem item, TrackedPostmortem? postmortem)
    {
        ArgumentNullException.ThrowIfNull(item);
        return DueDate(item, postmortem?.MergedAt ?? item.CreatedAt, postmortem?.Date);
    }

    /// <summary>The item's due date given its postmortem's merge time and own date (the reminder sweep reads both with the item).</summary>
    public DateOnly DueDate(TrackedItem item, DateTimeOffset mergedAt, DateOnly? postmortemDate)
    {
        ArgumentNullException.ThrowIfNull(item);
        return DueDate(item.Due, item.Priority, mergedAt, postmortemDate, item.BackfilledAt);
    }

    public DateOnly DueDate(DateOnly? stated, string? priority, DateTimeOffset mergedAt, DateOnly? postmortemDate, DateTimeOffset? backfilledAt)
    {
        if (backfilledAt is not { } backfilled)
        {
            return DueDate(stated, priority, mergedAt);
        }

        var due = stated ?? (postmortemDate ?? LocalDate(mergedAt)).AddDays(DueDays(priority));
        var backfillDay = LocalDate(backfilled);
        return settings.BackfillGraceDays > 0 && due < backfillDay ? backfillDay.AddDays(settings.BackfillGraceDays) : due;
    }

    public DateOnly DueDate(DateOnly? stated, string? priority, DateTimeOffset mergedAt) =>
        stated ?? LocalDate(mergedAt).AddDays(DueDays(priority));

    public DateOnly LocalDate(DateTimeOffset instant) => settings.WorkingTime.LocalDate(instant);

    public int DueDays(string? priority) =>
        priority is not null && settings.DueDaysByPriority.TryGetValue(priority, out var days) ? days : settings.DefaultDueDays;
}
