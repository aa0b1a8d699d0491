using ActionBot.Core.Ports;
using ActionBot.Core.Reminders;
using ActionBot.Core.Tracking;

namespace ActionBot.Dashboard;

/// <summary>
/// Today and items' due dates for the dashboard and the item gauges: the reminders' rule (<see cref="IDueDateRule"/>:
/// due days by priority, the configured time zone), so all three agree.
/// </summary>
public sealed class ItemDueDates(TimeProvider time, IDueDateRule rule)
{
    public DateOnly Today => rule.LocalDate(time.GetUtcNow());

    /// <summary>The due date of an item that states <paramref name="stated"/> (or none), of a postmortem merged at <paramref name="mergedAt"/>.</summary>
    public DateOnly DueDate(DateOnly? stated, string? priority, DateTimeOffset mergedAt) => rule.DueDate(stated, priority, mergedAt);

    /// <summary>The due date of a summarised item: as the reminders see it, a backfilled one's moved past the backfill when it had long passed.</summary>
    public DateOnly DueDate(ItemSummary item, TrackedPostmortem? postmortem)
    {
        ArgumentNullException.ThrowIfNull(item);
        return rule.DueDate(item.Due, item.Priority, postmortem?.MergedAt ?? item.CreatedAt, postmortem?.Date, item.BackfilledAt);
    }

    /// <summary>The calendar date of <paramref name="instant"/> in the reminders' time zone.</summary>
    public DateOnly LocalDate(DateTimeOffset instant) => rule.LocalDate(instant);

    /// <summary>The policy's days from the merge to the due date of an item of <paramref name="priority"/> that states none.</summary>
    public int PolicyDays(string? priority) => rule.DueDays(priority);
}
