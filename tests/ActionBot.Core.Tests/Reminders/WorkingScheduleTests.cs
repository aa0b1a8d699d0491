using ActionBot.Core.Reminders;

namespace ActionBot.Core.Tests.Reminders;

public sealed class WorkingScheduleTests
{
    [Theory]
    [InlineData("Mon-Fri", new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday })]
    [InlineData("Mon-Sun", new[] { DayOfWeek.Sunday, DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday })]
    [InlineData("sat-mon", new[] { DayOfWeek.Sunday, DayOfWeek.Monday, DayOfWeek.Saturday })]
    [InlineData("Monday, Wed ,Friday", new[] { DayOfWeek.Monday, DayOfWeek.Wednesday, DayOfWeek.Friday })]
    public void Working_days_are_read_from_names_ranges_and_lists(string text, DayOfWeek[] expected)
    {
        Assert.Equal(expected, WorkingSchedule.ParseDays(text).Order());
    }

    [Theory]
    [InlineData("")]
    [InlineData("Funday")]
    [InlineData("Mo-Fr")]
    [InlineData("Mon-Wed-Fri")]
    public void Unreadable_working_days_are_refused(string text)
    {
        Assert.Throws<FormatException>(() => WorkingSchedule.ParseDays(text));
    }

    [Theory]
    [InlineData("09:00-18:00", 9, 9)]
    [InlineData("00:00-24:00", 0, 24)]
    [InlineData("7:30-16:30", 7.5, 9)]
    public void Working_hours_are_a_start_and_a_length(string text, double startHour, double hours)
    {
        var (start, length) = WorkingSchedule.ParseHours(text);

        Assert.Equal((TimeSpan.FromHours(startHour), TimeSpan.FromHours(hours)), (start.ToTimeSpan(), length));
    }

    [Theory]
    [InlineData("18:00-09:00")]
    [InlineData("9-17")]
    [InlineData("09:00")]
    [InlineData("09:00-25:00")]
    public void Unreadable_working_hours_are_refused(string text)
    {
        Assert.Throws<FormatException>(() => WorkingSchedule.ParseHours(text));
    }
}
