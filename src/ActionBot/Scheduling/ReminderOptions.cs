using System.ComponentModel.DataAnnotations;
using ActionBot.Core.Reminders;

namespace ActionBot.Scheduling;

/// <summary>Reminders and the weekly digest (<c>ActionBot:Reminders</c>); checked at start by <see cref="ReminderOptionsValidator"/>.</summary>
public sealed class ReminderOptions
{
    public const string SectionName = "ActionBot:Reminders";

    /// <summary>IANA id (<c>Europe/Berlin</c>) of the zone of due dates, working hours and the digest.</summary>
    [Required(ErrorMessage = "ActionBot:Reminders:TimeZone is required.")]
    public string TimeZone { get; set; } = "UTC";

    [Range(1, 3650, ErrorMessage = "ActionBot:Reminders:DefaultDueDays must be between 1 and 3650.")]
    public int DefaultDueDays { get; set; } = 30;

    /// <summary>Days from the merge to the due date by priority (<c>DueDaysByPriority:P0</c>); others take <see cref="DefaultDueDays"/>.</summary>
    public Dictionary<string, int> DueDaysByPriority { get; } = new(ReminderSettings.DefaultDueDaysByPriority, StringComparer.OrdinalIgnoreCase);

    [Range(typeof(TimeSpan), "00:00:00", "365.00:00:00", ErrorMessage = "ActionBot:Reminders:RemindBefore must be between 00:00:00 and 365.00:00:00.")]
    public TimeSpan RemindBefore { get; set; } = TimeSpan.FromDays(2);

    /// <summary>Any positive interval (a trial may repeat every 30 seconds); under <see cref="ShortestUsualRepeat"/> start-up warns.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "365.00:00:00", ErrorMessage = "ActionBot:Reminders:RepeatEvery must be positive and at most 365.00:00:00.")]
    public TimeSpan RepeatEvery { get; set; } = TimeSpan.FromDays(3);

    /// <summary>A repeat shorter than this is accepted but looks like a mistake for a production team.</summary>
    public static readonly TimeSpan ShortestUsualRepeat = TimeSpan.FromHours(1);

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00", ErrorMessage = "ActionBot:Reminders:SweepEvery must be between 00:00:01 and 1.00:00:00.")]
    public TimeSpan SweepEvery { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Cron expression of the weekly digest, in <see cref="TimeZone"/>: six fields with seconds first (<c>0 0 9 ? * MON</c>,
    /// days of the week numbered as Quartz numbers them, 1 = SUN) or five (standard cron). Empty turns the digest off.
    /// </summary>
    public string? DigestCron { get; set; } = "0 0 9 ? * MON";

    public bool DigestEnabled => !string.IsNullOrWhiteSpace(DigestCron);

    [Required(ErrorMessage = "ActionBot:Reminders:WorkingDays is required.")]
    public string WorkingDays { get; set; } = "Mon-Fri";

    [Required(ErrorMessage = "ActionBot:Reminders:WorkingHours is required.")]
    public string WorkingHours { get; set; } = "09:00-18:00";

    public bool CommentWhenOverdue { get; set; } = true;

    /// <summary>Overdue reminders before the item is raised in its repository's channel (once); 0 turns escalation off.</summary>
    [Range(0, 100, ErrorMessage = "ActionBot:Reminders:EscalateAfter must be between 0 and 100.")]
    public int EscalateAfter { get; set; } = 3;

    /// <summary>
    /// An item found by <c>backfill</c> whose due date had already passed is due this many days after the backfill (its
    /// owners get the usual reminders from then on, not all at once on day one); 0 keeps the dates as written.
    /// </summary>
    [Range(0, 365, ErrorMessage = "ActionBot:Reminders:BackfillGraceDays must be between 0 and 365.")]
    public int BackfillGraceDays { get; set; } = 14;

    /// <summary>The policy's settings; call on validated options only.</summary>
    public ReminderSettings ToSettings()
    {
        var (start, length) = WorkingSchedule.ParseHours(WorkingHours);
        return new ReminderSettings
        {
            WorkingTime = new WorkingTime(TimeZoneInfo.FindSystemTimeZoneById(TimeZone), WorkingSchedule.ParseDays(WorkingDays), start, length),
            DefaultDueDays = DefaultDueDays,
            DueDaysByPriority = new Dictionary<string, int>(DueDaysByPriority, StringComparer.OrdinalIgnoreCase),
            RemindBefore = RemindBefore,
            RepeatEvery = RepeatEvery,
            CommentWhenOverdue = CommentWhenOverdue,
            EscalateAfter = EscalateAfter,
            BackfillGraceDays = BackfillGraceDays,
        };
    }
}
