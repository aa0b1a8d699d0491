using ActionBot.Core.Reminders;
using ActionBot.Core.Tracking;

namespace ActionBot.Dashboard;

/// <summary>
/// When an item is due and whether it is overdue, for the dashboard and the item gauges: the reminders' rule
/// (<see cref="IDueDateRule"/>: default due days, the configured time zone), so all three agree.
/// </summary>
public sealed class ItemDueDates(TimeProvider time, IDueDateRule rule)
{
    public DateOnly Today => rule.LocalDate(time.GetUtcNow());

    public DateOnly DueDate(TrackedItem item, TrackedPostmortem? postmortem)
    {
        ArgumentNullException.ThrowIfNull(item);
        return rule.DueDate(item, postmortem);
    }

    /// <summary>The calendar date of <paramref name="instant"/> in the reminders' time zone.</summary>
    public DateOnly LocalDate(DateTimeOffset instant) => rule.LocalDate(instant);

    /// <summary>The policy's days from the merge to the due date of an item of <paramref name="priority"/> that states none.</summary>
    public int PolicyDays(string? priority) => rule.DueDays(priority);

    /// <summary>Days past due of an open item (at least 1), or null when it is closed, not due yet, or has no date.</summary>
    public static int? DaysOverdue(TrackedItem item, DateOnly? due, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(item);
        return item.State == ItemState.Open && due is { } date && date < today ? today.DayNumber - date.DayNumber : null;
    }
}
