using ActionBot.Scheduling;
using ActionBot.Tests.Infrastructure;
using Hangfire;
using Hangfire.InMemory;
using Hangfire.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ActionBot.Tests.Scheduling;

/// <summary>The recurring jobs a bot registers in Hangfire at start, read back from its job store.</summary>
public sealed class RecurringJobRegistrarTests : IntegrationTest
{
    [Fact]
    public async Task A_two_second_sweep_is_registered_with_a_cron_whose_next_run_is_at_most_two_seconds_away()
    {
        var app = await StartBotAsync(s => s["ActionBot:Reminders:SweepEvery"] = "00:00:02");

        var sweep = RecurringJobs(app.JobStore).Single(j => j.Id == nameof(ReminderSweepJob));

        Assert.Equal(("*/2 * * * * *", "UTC"), (sweep.Cron, sweep.TimeZoneId));
        Assert.InRange(sweep.NextExecution!.Value, DateTime.MinValue, TimeProvider.System.GetUtcNow().UtcDateTime.AddSeconds(2));
        Assert.Contains(app.Logs.Entries, e => e.EventId.Id == 5400 && e.Message.StartsWith("Scheduled ReminderSweepJob: every 00:00:02 (cron '*/2 * * * * *' in UTC)", StringComparison.Ordinal));
        app.AssertLogsAreClean();
    }

    [Fact]
    public async Task The_digest_runs_on_its_cron_in_the_reminders_time_zone_and_an_odd_interval_is_left_to_the_interval_trigger()
    {
        var app = await StartBotAsync(s =>
        {
            s["ActionBot:Reminders:DigestCron"] = "0 0 9 ? * 2";
            s["ActionBot:Reminders:TimeZone"] = "Europe/Berlin";
            s["ActionBot:Maintenance:RetryEvery"] = "00:00:07";
        });

        var jobs = RecurringJobs(app.JobStore).ToDictionary(j => j.Id);

        Assert.Equal(("0 0 9 ? * 1", "Europe/Berlin"), (jobs[nameof(WeeklyDigestJob)].Cron, jobs[nameof(WeeklyDigestJob)].TimeZoneId));
        Assert.Equal(DayOfWeek.Monday, jobs[nameof(WeeklyDigestJob)].NextExecution!.Value.DayOfWeek);
        Assert.Equal((Cron.Never(), (DateTime?)null), (jobs[nameof(OutboxRetryJob)].Cron, jobs[nameof(OutboxRetryJob)].NextExecution));
        Assert.NotNull(jobs[nameof(OutboxRetryJob)].LastExecution);
        app.AssertLogsAreClean();
    }

    [Fact]
    public async Task A_job_switched_off_is_removed_from_a_store_that_kept_it()
    {
        // A store that outlives the bot, as the one in PostgreSQL does.
        using var kept = new InMemoryStorage();
        var first = await StartBotAsync(s => s["ActionBot:Reminders:DigestCron"] = "0 0 9 ? * MON", UseStore(kept));
        Assert.Contains(nameof(WeeklyDigestJob), RecurringJobs(kept).Select(j => j.Id));
        await first.DisposeAsync();

        var second = await StartBotAsync(s => s["ActionBot:Reminders:DigestCron"] = "", UseStore(kept));

        Assert.Equal([nameof(GitHubReconcileJob), nameof(OutboxRetryJob), nameof(ReminderSweepJob)], RecurringJobs(kept).Select(j => j.Id).Order());
        Assert.Contains(second.Logs.Entries, e => e.EventId.Id == 5401 && e.Message.Contains(nameof(WeeklyDigestJob), StringComparison.Ordinal));
        second.AssertLogsAreClean();
    }

    private static Action<IServiceCollection> UseStore(JobStorage store) => services =>
    {
        services.RemoveAll<JobStorage>();
        services.AddSingleton(store);
    };

    private static List<RecurringJobDto> RecurringJobs(JobStorage store)
    {
        using var connection = store.GetConnection();
        return connection.GetRecurringJobs();
    }
}
