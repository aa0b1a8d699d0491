using ActionBot.Scheduling;
using Cronos;
using Hangfire;

namespace ActionBot.Tests.Scheduling;

/// <summary>How configured intervals and cron expressions become what Hangfire is told, and how often it must poll.</summary>
public sealed class JobScheduleTests
{
    private static readonly DateTime Noon = new(2025, 3, 5, 12, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData("00:00:01", "*/1 * * * * *")]
    [InlineData("00:00:02", "*/2 * * * * *")]
    [InlineData("00:00:30", "*/30 * * * * *")]
    [InlineData("00:05:00", "0 */5 * * * *")]
    [InlineData("00:01:00", "0 */1 * * * *")]
    [InlineData("06:00:00", "0 0 */6 * * *")]
    [InlineData("1.00:00:00", "0 0 0 * * *")]
    public void An_interval_that_divides_its_minute_hour_or_day_becomes_a_cron_expression_in_UTC(string interval, string cron)
    {
        var schedule = JobSchedule.Every(TimeSpan.Parse(interval, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal((cron, TimeZoneInfo.Utc, false), (schedule.Cron, schedule.TimeZone, schedule.IsTriggered));
    }

    [Theory]
    [InlineData("00:00:07")]
    [InlineData("00:00:01.500")]
    [InlineData("00:07:00")]
    [InlineData("01:30:00")]
    [InlineData("05:00:00")]
    [InlineData("23:59:59")]
    public void Any_other_interval_is_never_cron_scheduled_but_triggered_one_interval_after_the_last_run(string interval)
    {
        var schedule = JobSchedule.Every(TimeSpan.Parse(interval, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal((Cron.Never(), true), (schedule.Cron, schedule.IsTriggered));
    }

    [Fact]
    public void A_two_second_cron_fires_every_two_seconds()
    {
        var cron = CronExpression.Parse(JobSchedule.Every(TimeSpan.FromSeconds(2)).Cron, CronFormat.IncludeSeconds);

        var runs = cron.GetOccurrences(Noon, Noon.AddSeconds(10), fromInclusive: false, toInclusive: true).ToList();

        Assert.Equal([Noon.AddSeconds(2), Noon.AddSeconds(4), Noon.AddSeconds(6), Noon.AddSeconds(8), Noon.AddSeconds(10)], runs);
    }

    [Fact]
    public void Hangfire_polls_at_least_twice_per_shortest_cron_interval_and_at_most_every_15_seconds()
    {
        var daily = new[] { JobSchedule.Every(TimeSpan.FromMinutes(5)), JobSchedule.Of("0 0 9 ? * MON", TimeZoneInfo.Utc) };
        var shortSweep = daily.Append(JobSchedule.Every(TimeSpan.FromSeconds(2)));
        var triggered = daily.Append(JobSchedule.Every(TimeSpan.FromSeconds(7)));

        Assert.Equal(TimeSpan.FromSeconds(15), JobSchedule.PollingInterval(daily));
        Assert.Equal(TimeSpan.FromSeconds(1), JobSchedule.PollingInterval(shortSweep));
        Assert.Equal(TimeSpan.FromSeconds(15), JobSchedule.PollingInterval(triggered));
    }

    [Theory]
    [InlineData("0 0 9 ? * MON", "0 0 9 ? * MON")]
    [InlineData("0 0 9 ? * 2", "0 0 9 ? * 1")]
    [InlineData("0 30 8 ? * 2-6", "0 30 8 ? * 1-5")]
    [InlineData("0 0 9 ? * 6L", "0 0 9 ? * 5L")]
    [InlineData("0 0 9 ? * 2#1", "0 0 9 ? * 1#1")]
    [InlineData("0 0 9 ? * 1/2", "0 0 9 ? * 0/2")]
    [InlineData("0 9 * * 1", "0 9 * * 1")]
    public void Six_fields_keep_Quartz_day_numbers_and_five_fields_are_standard_cron(string configured, string cronos)
    {
        Assert.Equal(cronos, JobSchedule.ToCronos(configured));
    }

    [Fact]
    public void The_default_digest_runs_on_Monday_at_nine_in_the_configured_zone()
    {
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        var quartzMonday = CronExpression.Parse(JobSchedule.ToCronos("0 0 9 ? * 2"), CronFormat.IncludeSeconds);

        var next = quartzMonday.GetNextOccurrence(new DateTimeOffset(Noon), berlin);

        Assert.Equal(new DateTimeOffset(2025, 3, 10, 9, 0, 0, TimeSpan.FromHours(1)), next);
    }

    [Fact]
    public void A_seven_field_expression_is_refused_naming_the_forms_that_are_accepted()
    {
        var error = Assert.Throws<FormatException>(() => JobSchedule.ToCronos("0 0 9 1 1 ? 2099"));

        Assert.Contains("has 7 fields", error.Message, StringComparison.Ordinal);
    }
}
