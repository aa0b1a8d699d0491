using ActionBot.Core.Tracking;

namespace ActionBot.Core.Reminders;

/// <summary>
/// The due date an item states, else its postmortem's merge date (local) plus the days its priority gives:
/// <see cref="ReminderSettings.DueDaysByPriority"/>, else <see cref="ReminderSettings.DefaultDueDays"/>.
/// </summary>
public sealed class DueDateRule(ReminderSettings settings) : IDueDateRule
{
    public DateOnly DueDate(TrackedItem item, TrackedPostmortem? postmortem)
    {
        ArgumentNullException.ThrowIfNull(item);
        return DueDate(item.Due, item.Priority, postmortem?.MergedAt ?? item.CreatedAt);
    }

    public DateOnly DueDate(DateOnly? stated, string? priority, DateTimeOffset mergedAt) =>
        stated ?? LocalDate(mergedAt).AddDays(DueDays(priority));

    public DateOnly LocalDate(DateTimeOffset instant) => settings.WorkingTime.LocalDate(instant);

    public int DueDays(string? priority) =>
        priority is not null && settings.DueDaysByPriority.TryGetValue(priority, out var days) ? days : settings.DefaultDueDays;
}
