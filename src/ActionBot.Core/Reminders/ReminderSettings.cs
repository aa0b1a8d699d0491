using System.Collections.Frozen;

namespace ActionBot.Core.Reminders;

/// <summary>
/// The reminder policy's settings, parsed and checked (the host binds <c>ActionBot:Reminders</c> and builds this).
/// Durations are wall-clock: "3 days after 09:00" is 09:00 three local days later, whatever DST does meanwhile.
/// </summary>
public sealed record ReminderSettings
{
    public static readonly FrozenDictionary<string, int> DefaultDueDaysByPriority =
        new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase) { ["P0"] = 14, ["P1"] = 14, ["P2"] = 30 }
            .ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    public required WorkingTime WorkingTime { get; init; }

    public TimeZoneInfo TimeZone => WorkingTime.TimeZone;

    /// <summary>Days from the merge to the due date of an item that states none, when its priority is not in <see cref="DueDaysByPriority"/>.</summary>
    public int DefaultDueDays { get; init; } = 30;

    public IReadOnlyDictionary<string, int> DueDaysByPriority { get; init; } = DefaultDueDaysByPriority;

    public TimeSpan RemindBefore { get; init; } = TimeSpan.FromDays(2);

    public TimeSpan RepeatEvery { get; init; } = TimeSpan.FromDays(3);

    /// <summary>Comment on the item's GitHub issue with each overdue reminder.</summary>
    public bool CommentWhenOverdue { get; init; } = true;

    /// <summary>After this many overdue reminders the item is raised once in its repository's channel; 0: never.</summary>
    public int EscalateAfter { get; init; } = 3;

    /// <summary>
    /// An item found by <c>backfill</c> whose due date had already passed is due this many days after the backfill
    /// instead (its stated date stays in its issue); 0 keeps the dates as written, so every late item reminds at once.
    /// </summary>
    public int BackfillGraceDays { get; init; } = 14;

    /// <summary>Defaults in UTC, Mon-Fri 09:00-18:00 (for tests and tools).</summary>
    public static ReminderSettings Default(TimeZoneInfo? timeZone = null) => new()
    {
        WorkingTime = new WorkingTime(timeZone ?? TimeZoneInfo.Utc, WorkingSchedule.ParseDays("Mon-Fri"), new TimeOnly(9, 0), TimeSpan.FromHours(9)),
    };
}
