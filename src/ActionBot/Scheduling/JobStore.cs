using ActionBot.Storage;
using ActionBot.Storage.Postgres;
using Hangfire;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Npgsql;

namespace ActionBot.Scheduling;

/// <summary>
/// Hangfire's job store follows the bot's storage. With SQLite (one process) it is Hangfire.InMemory: nothing of it
/// needs to survive a restart, since every durable fact (reminders sent, messages queued, issues opened) is in our
/// tables and the jobs are registered again at start. With PostgreSQL it is Hangfire.PostgreSql in a schema of its own
/// (<see cref="PostgresSchema"/>) in the same database, shared by every replica, so that each occurrence of a job runs
/// in one of them.
/// </summary>
internal static class JobStore
{
    public const string PostgresSchema = "hangfire";

    public static bool IsPostgres(IConfiguration configuration) => string.Equals(
        configuration[$"{StorageOptions.SectionName}:{nameof(StorageOptions.Provider)}"], StorageOptions.Postgres, StringComparison.OrdinalIgnoreCase);

    /// <summary>A store of this host's own: Hangfire's <c>JobStorage.Current</c> is process-wide and never set.</summary>
    public static JobStorage Create(StorageOptions storage, bool postgres)
    {
        if (!postgres)
        {
            return new InMemoryStorage(new InMemoryStorageOptions());
        }

        var options = new PostgreSqlStorageOptions
        {
            SchemaName = PostgresSchema,

            // Our migrator installs the schema, under its advisory lock (HangfireSchemaInstaller): Hangfire's own
            // install at start-up races between replicas starting at once.
            PrepareSchemaIfNecessary = false,

            // A store that cannot be reached fails loudly (the server does not start, /readyz says so) rather than
            // running "degraded" while reporting ready.
            AllowDegradedModeWithoutStorage = false,
            StartupConnectionMaxRetries = 0,

            // LISTEN/NOTIFY: a job enqueued by any replica is fetched at once, not at the next poll of the queue.
            EnableLongPolling = true,

            // A running job's claim is renewed (every fifth of the timeout), so only a worker that died loses it; without
            // this, a job running longer than the timeout is handed to another worker while it still runs.
            UseSlidingInvisibilityTimeout = true,
            InvisibilityTimeout = TimeSpan.FromMinutes(5),
        };
        return new PostgreSqlStorage(new NpgsqlConnectionFactory(storage.ConnectionString, options), options);
    }

    /// <summary>For people: what the store is and what that means.</summary>
    public static string Describe(JobStorage storage) => storage switch
    {
        InMemoryStorage => "Hangfire, in-memory job store (Hangfire.InMemory; jobs are registered again at each start)",
        PostgreSqlStorage => $"Hangfire, PostgreSQL job store (Hangfire.PostgreSql, schema \"{PostgresSchema}\", shared by every replica)",
        _ => $"Hangfire, {storage.GetType().Name}",
    };
}

/// <summary>Installs or upgrades Hangfire.PostgreSql's schema, from <see cref="PostgresMigrator"/> under its lock.</summary>
internal sealed class HangfireSchemaInstaller : IPostgresSchemaInstaller
{
    public void Install(NpgsqlConnection connection) => PostgreSqlObjectsInstaller.Install(connection, JobStore.PostgresSchema);
}
