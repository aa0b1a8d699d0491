using ActionBot.Core.Reminders;

namespace ActionBot.Core.Tests.Reminders;

public sealed class WorkingTimeTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    [Fact]
    public void A_local_time_skipped_by_the_spring_change_moves_forward_by_the_gap()
    {
        var working = new WorkingTime(Berlin, WorkingSchedule.ParseDays("Mon-Sun"), TimeOnly.MinValue, TimeSpan.FromDays(1));

        Assert.Equal(new DateTimeOffset(2025, 3, 30, 1, 0, 0, TimeSpan.Zero), working.ToInstant(new DateTime(2025, 3, 30, 2, 30, 0)));
    }

    [Fact]
    public void A_local_time_repeated_by_the_autumn_change_is_its_first_occurrence()
    {
        var working = new WorkingTime(Berlin, WorkingSchedule.ParseDays("Mon-Sun"), TimeOnly.MinValue, TimeSpan.FromDays(1));

        Assert.Equal(new DateTimeOffset(2025, 10, 26, 0, 30, 0, TimeSpan.Zero), working.ToInstant(new DateTime(2025, 10, 26, 2, 30, 0)));
    }

    [Fact]
    public void After_hours_on_friday_the_next_working_time_is_monday_morning()
    {
        var working = new WorkingTime(Berlin, WorkingSchedule.ParseDays("Mon-Fri"), new TimeOnly(9, 0), TimeSpan.FromHours(9));

        var next = working.NextWorking(new DateTimeOffset(2025, 3, 14, 17, 0, 0, TimeSpan.Zero)); // 18:00 in Berlin

        Assert.Equal(new DateTimeOffset(2025, 3, 17, 8, 0, 0, TimeSpan.Zero), next);
    }

    [Fact]
    public void Local_date_follows_the_time_zone_not_utc()
    {
        var working = new WorkingTime(Berlin, WorkingSchedule.ParseDays("Mon-Fri"), new TimeOnly(9, 0), TimeSpan.FromHours(9));

        Assert.Equal(new DateOnly(2025, 3, 4), working.LocalDate(new DateTimeOffset(2025, 3, 3, 23, 30, 0, TimeSpan.Zero)));
    }
}
