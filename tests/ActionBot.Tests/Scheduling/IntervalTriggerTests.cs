using ActionBot.Scheduling;

namespace ActionBot.Tests.Scheduling;

/// <summary>When an interval job that no cron expression says is due again.</summary>
public sealed class IntervalTriggerTests
{
    private static readonly DateTime Now = new(2025, 3, 5, 12, 0, 0, DateTimeKind.Utc);
    private static readonly TimeSpan Seven = TimeSpan.FromSeconds(7);

    [Fact]
    public void A_job_never_run_is_due_at_once() => Assert.Equal(TimeSpan.Zero, IntervalTrigger.DueIn(null, Seven, Now));

    [Fact]
    public void A_job_is_due_one_interval_after_its_last_run_and_not_before()
    {
        Assert.Equal(TimeSpan.FromSeconds(5), IntervalTrigger.DueIn(Now.AddSeconds(-2), Seven, Now));
        Assert.Equal(TimeSpan.Zero, IntervalTrigger.DueIn(Now.AddSeconds(-7), Seven, Now));
        Assert.Equal(TimeSpan.Zero, IntervalTrigger.DueIn(Now.AddHours(-3), Seven, Now));
    }
}
