using ActionBot.Core.Reminders;

namespace ActionBot.Core.Tests.Reminders;

public sealed class ReminderPolicyTests
{
    // Friday 14 March 2025, UTC, Mon-Fri 09:00-18:00, two days before, every three days.
    private static readonly DateOnly Friday = new(2025, 3, 14);
    private static readonly ReminderPolicy Policy = new(ReminderSettings.Default());

    [Fact]
    public void Schedule_is_two_days_before_on_the_due_date_then_every_three_days_on_working_days()
    {
        var slots = Policy.Schedule(Friday, At(2025, 3, 27, 0)).Select(s => (s.Key, s.At)).ToList();

        Assert.Equal(
            [
                ("before@2025-03-14", At(2025, 3, 12, 9)),
                ("due@2025-03-14", At(2025, 3, 14, 9)),
                ("overdue1@2025-03-14", At(2025, 3, 17, 9)),
                ("overdue2@2025-03-14", At(2025, 3, 20, 9)),
                ("overdue3@2025-03-14", At(2025, 3, 24, 9)), // Sunday 23rd waits for Monday morning
                ("overdue4@2025-03-14", At(2025, 3, 26, 9)),
            ],
            slots);
    }

    [Fact]
    public void Nothing_is_due_before_the_first_reminder()
    {
        Assert.Null(Policy.Evaluate(Friday, ReminderState.None, null, At(2025, 3, 11, 17)));
        Assert.Null(Policy.Evaluate(Friday, ReminderState.None, null, At(2025, 3, 12, 8, 59)));
    }

    [Fact]
    public void First_reminder_is_due_once_its_time_has_come_and_not_again_once_recorded()
    {
        var decision = Policy.Evaluate(Friday, ReminderState.None, null, At(2025, 3, 12, 9));

        Assert.NotNull(decision);
        Assert.Equal(ReminderKind.BeforeDue, decision.Slot.Kind);
        Assert.True(decision.RemindNow);
        Assert.False(decision.CommentNow);
        Assert.Null(Policy.Evaluate(Friday, Recorded("before@2025-03-14"), null, At(2025, 3, 13, 16)));
    }

    [Fact]
    public void Due_date_reminder_comes_on_the_due_date()
    {
        var decision = Policy.Evaluate(Friday, Recorded("before@2025-03-14"), null, At(2025, 3, 14, 9, 5));

        Assert.Equal("due@2025-03-14", decision?.Slot.Key);
        Assert.Equal(ReminderKind.OnDue, decision?.Slot.Kind);
    }

    [Fact]
    public void Overdue_reminders_repeat_and_each_comments_on_the_issue()
    {
        var first = Policy.Evaluate(Friday, Recorded("due@2025-03-14"), null, At(2025, 3, 17, 10));
        var second = Policy.Evaluate(Friday, Recorded("overdue1@2025-03-14", overdue: 1, commented: "overdue1@2025-03-14"), null, At(2025, 3, 20, 10));

        Assert.Equal(("overdue1@2025-03-14", true, true), (first?.Slot.Key, first?.RemindNow, first?.CommentNow));
        Assert.Equal(("overdue2@2025-03-14", true, true), (second?.Slot.Key, second?.RemindNow, second?.CommentNow));
    }

    [Fact]
    public void Missed_slots_are_caught_up_once_with_the_latest()
    {
        var afterDowntime = At(2025, 3, 20, 15);

        var decision = Policy.Evaluate(Friday, Recorded("before@2025-03-14"), null, afterDowntime);

        Assert.Equal("overdue2@2025-03-14", decision?.Slot.Key);
        Assert.Null(Policy.Evaluate(Friday, Recorded("overdue2@2025-03-14", overdue: 1, commented: "overdue2@2025-03-14"), null, afterDowntime.AddHours(1)));
    }

    [Theory]
    [InlineData(2025, 3, 15, 11)] // Saturday
    [InlineData(2025, 3, 17, 8)] // Monday before 09:00
    [InlineData(2025, 3, 17, 18)] // Monday at 18:00, the end of working hours
    public void Nothing_is_sent_outside_working_time(int year, int month, int day, int hour)
    {
        Assert.Null(Policy.Evaluate(Friday, Recorded("due@2025-03-14"), null, At(year, month, day, hour)));
    }

    [Fact]
    public void Snoozed_item_waits_until_the_snooze_ends_then_gets_the_latest_slot()
    {
        var until = At(2025, 3, 18, 12);

        Assert.Null(Policy.Evaluate(Friday, Recorded("due@2025-03-14"), until, At(2025, 3, 17, 9)));
        Assert.Null(Policy.Evaluate(Friday, Recorded("due@2025-03-14"), until, At(2025, 3, 18, 11, 59)));
        Assert.Equal("overdue1@2025-03-14", Policy.Evaluate(Friday, Recorded("due@2025-03-14"), until, until)?.Slot.Key);
    }

    [Fact]
    public void Reopened_item_resumes_with_one_reminder_for_the_latest_slot()
    {
        // Reminded on its due date, closed, reopened ten days later: the slots in between are not replayed.
        var decision = Policy.Evaluate(Friday, Recorded("due@2025-03-14"), null, At(2025, 3, 24, 14));

        Assert.Equal("overdue3@2025-03-14", decision?.Slot.Key);
    }

    [Fact]
    public void Reminder_before_a_monday_due_date_would_fall_on_the_weekend_and_is_left_to_the_due_date_reminder()
    {
        var monday = new DateOnly(2025, 3, 17);

        var slots = Policy.Schedule(monday, At(2025, 3, 18, 0)).Select(s => s.Key).ToList();

        Assert.Equal(["due@2025-03-17"], slots);
    }

    [Fact]
    public void Due_date_on_a_saturday_is_reminded_the_next_working_morning()
    {
        var slot = Policy.LatestSlot(new DateOnly(2025, 3, 15), At(2025, 3, 17, 9));

        Assert.Equal((ReminderKind.OnDue, At(2025, 3, 17, 9)), (slot?.Kind, slot?.At));
    }

    [Fact]
    public void Escalation_comes_once_with_the_configured_number_of_overdue_reminders()
    {
        var third = Policy.Evaluate(Friday, Recorded("overdue2@2025-03-14", overdue: 2), null, At(2025, 3, 24, 9));
        var afterEscalation = Policy.Evaluate(Friday, Recorded("overdue3@2025-03-14", overdue: 3, escalated: true), null, At(2025, 3, 26, 9));

        Assert.True(third?.EscalateNow);
        Assert.False(afterEscalation?.EscalateNow);
        Assert.True(afterEscalation?.RemindNow);
    }

    [Fact]
    public void A_comment_that_failed_is_due_again_without_a_second_reminder()
    {
        var decision = Policy.Evaluate(Friday, Recorded("overdue1@2025-03-14", overdue: 1), null, At(2025, 3, 17, 11));

        Assert.Equal((false, true), (decision?.RemindNow, decision?.CommentNow));
    }

    [Fact]
    public void No_comment_when_comments_are_off()
    {
        var policy = new ReminderPolicy(ReminderSettings.Default() with { CommentWhenOverdue = false });

        var decision = policy.Evaluate(Friday, Recorded("due@2025-03-14"), null, At(2025, 3, 17, 9));

        Assert.Equal((true, false), (decision?.RemindNow, decision?.CommentNow));
    }

    [Fact]
    public void A_changed_due_date_starts_a_fresh_schedule()
    {
        var later = new DateOnly(2025, 3, 28);

        Assert.Null(Policy.Evaluate(later, Recorded("overdue1@2025-03-14", overdue: 1, commented: "overdue1@2025-03-14"), null, At(2025, 3, 18, 9)));
        Assert.Equal("before@2025-03-28", Policy.Evaluate(later, Recorded("overdue1@2025-03-14", overdue: 1), null, At(2025, 3, 26, 9))?.Slot.Key);
    }

    [Fact]
    public void Berlin_reminders_stay_at_nine_local_across_the_march_change_to_summer_time()
    {
        var policy = new ReminderPolicy(Settings("Europe/Berlin", "Mon-Sun", "09:00-18:00"));

        var slots = policy.Schedule(new DateOnly(2025, 3, 31), At(2025, 4, 4, 0)).Select(s => s.At).ToList();

        // 29 March is CET (UTC+1); from 30 March CEST (UTC+2).
        Assert.Equal([At(2025, 3, 29, 8), At(2025, 3, 31, 7), At(2025, 4, 3, 7)], slots);
    }

    [Fact]
    public void Berlin_reminders_stay_at_nine_local_across_the_october_change_to_winter_time()
    {
        var policy = new ReminderPolicy(Settings("Europe/Berlin", "Mon-Fri", "09:00-18:00"));

        var slots = policy.Schedule(new DateOnly(2025, 10, 24), At(2025, 10, 28, 0)).Select(s => s.At).ToList();

        Assert.Equal([At(2025, 10, 22, 7), At(2025, 10, 24, 7), At(2025, 10, 27, 8)], slots);
    }

    [Fact]
    public void New_York_overdue_reminder_after_the_spring_change_is_at_nine_eastern_daylight_time()
    {
        var policy = new ReminderPolicy(Settings("America/New_York", "Mon-Fri", "09:00-18:00"));

        var due = policy.LatestSlot(new DateOnly(2025, 3, 7), At(2025, 3, 7, 14));
        var overdue = policy.LatestSlot(new DateOnly(2025, 3, 7), At(2025, 3, 10, 13));

        Assert.Equal(("due@2025-03-07", At(2025, 3, 7, 14)), (due?.Key, due?.At)); // 09:00 EST
        Assert.Equal(("overdue1@2025-03-07", At(2025, 3, 10, 13)), (overdue?.Key, overdue?.At)); // 09:00 EDT
        Assert.Null(policy.Evaluate(new DateOnly(2025, 3, 7), Recorded("due@2025-03-07"), null, At(2025, 3, 10, 12, 59)));
    }

    [Fact]
    public void Around_the_clock_working_hours_send_at_night_and_on_weekends()
    {
        var policy = new ReminderPolicy(Settings("UTC", "Mon-Sun", "00:00-24:00") with { RepeatEvery = TimeSpan.FromDays(1) });

        var slots = policy.Schedule(Friday, At(2025, 3, 16, 0)).Select(s => s.At).ToList();

        Assert.Equal([At(2025, 3, 12, 0), At(2025, 3, 14, 0), At(2025, 3, 15, 0), At(2025, 3, 16, 0)], slots);
        Assert.Equal("overdue1@2025-03-14", policy.Evaluate(Friday, Recorded("due@2025-03-14"), null, At(2025, 3, 15, 23, 30))?.Slot.Key);
    }

    internal static ReminderSettings Settings(string zone, string days, string hours)
    {
        var (start, length) = WorkingSchedule.ParseHours(hours);
        return ReminderSettings.Default() with
        {
            WorkingTime = new WorkingTime(TimeZoneInfo.FindSystemTimeZoneById(zone), WorkingSchedule.ParseDays(days), start, length),
        };
    }

    private static ReminderState Recorded(string slot, int overdue = 0, bool escalated = false, string? commented = null) =>
        new(slot, overdue, escalated, commented);

    private static DateTimeOffset At(int year, int month, int day, int hour, int minute = 0) => new(year, month, day, hour, minute, 0, TimeSpan.Zero);
}
