using ActionBot.Scheduling;
using ActionBot.Tests.Infrastructure;
using ActionBot.Tests.TestKit;
using Dapper;
using Npgsql;

namespace ActionBot.Tests.Scheduling;

/// <summary>The recurring jobs in Hangfire.PostgreSql's store, which outlives every bot that registers in it.</summary>
public sealed class RecurringJobRegistrarPostgresTests(PostgresServerFixture postgres) : IntegrationTest, IClassFixture<PostgresServerFixture>
{
    [RequiresPostgresFact]
    public async Task A_bot_restarted_with_the_digest_switched_off_removes_it_from_the_shared_store()
    {
        var connectionString = await postgres.Server.CreateDatabaseAsync();
        var first = await StartBotAsync(s => Configure(s, connectionString, "0 0 9 ? * MON"));
        Assert.Contains(nameof(WeeklyDigestJob), await RecurringJobsAsync(connectionString));
        await first.DisposeAsync();

        var second = await StartBotAsync(s => Configure(s, connectionString, ""));

        Assert.Equal([nameof(GitHubReconcileJob), nameof(OutboxRetryJob), nameof(ReminderSweepJob)], await RecurringJobsAsync(connectionString));
        second.AssertLogsAreClean();
    }

    private static void Configure(Dictionary<string, string?> settings, string connectionString, string digestCron)
    {
        settings["ActionBot:Storage:Provider"] = "Postgres";
        settings["ActionBot:Storage:ConnectionString"] = connectionString;
        settings["ActionBot:Reminders:DigestCron"] = digestCron;
    }

    private static async Task<List<string>> RecurringJobsAsync(string connectionString)
    {
        await using var database = new NpgsqlConnection(connectionString);
        return [.. await database.QueryAsync<string>("SELECT value FROM hangfire.set WHERE key = 'recurring-jobs' ORDER BY value")];
    }
}
