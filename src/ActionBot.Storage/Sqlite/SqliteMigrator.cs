using ActionBot.Storage.Migrations;
using Dapper;
using Microsoft.Extensions.Logging;

namespace ActionBot.Storage.Sqlite;

/// <summary>
/// Brings a SQLite database to the latest schema: each pending migration in its own transaction, recorded in
/// <c>schema_migrations</c>. Safe to run again and from two processes at once: each transaction starts with
/// BEGIN IMMEDIATE (the write lock) and checks the version again under it, so a migration applies exactly once.
/// </summary>
public sealed partial class SqliteMigrator(SqliteConnectionFactory connections, TimeProvider time, ILogger<SqliteMigrator> logger)
{
    internal static readonly IReadOnlyDictionary<string, string> Placeholders = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["blob"] = "BLOB",
    };

    private const string CreateHistory =
        "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER NOT NULL PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)";

    private volatile bool _completed;

    /// <summary>True once <see cref="MigrateAsync"/> has brought the schema up to date in this process.</summary>
    public bool IsUpToDate => _completed;

    /// <summary>Applies the pending migrations; returns how many this call applied.</summary>
    public async Task<int> MigrateAsync(CancellationToken cancellationToken)
    {
        var scripts = MigrationScripts.Load(Placeholders);
        var applied = 0;
        await connections.WriteGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var connection = await connections.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using (connection.ConfigureAwait(false))
            {
                await connection.ExecuteAsync(new CommandDefinition(CreateHistory, cancellationToken: cancellationToken)).ConfigureAwait(false);
                foreach (var script in scripts)
                {
                    var transaction = connection.BeginTransaction(deferred: false); // BEGIN IMMEDIATE
                    await using (transaction.ConfigureAwait(false))
                    {
                        var known = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                            "SELECT COUNT(*) FROM schema_migrations WHERE version = @Version", new { script.Version }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
                        if (known > 0)
                        {
                            continue;
                        }

                        await connection.ExecuteAsync(new CommandDefinition(script.Sql, transaction: transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
                        await connection.ExecuteAsync(new CommandDefinition(
                            "INSERT INTO schema_migrations (version, name, applied_at) VALUES (@Version, @Name, @AppliedAt)",
                            new { script.Version, script.Name, AppliedAt = SqlValues.Timestamp(time.GetUtcNow()) },
                            transaction,
                            cancellationToken: cancellationToken)).ConfigureAwait(false);
                        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                        applied++;
                        Log.Applied(logger, script.Version, script.Name);
                    }
                }
            }
        }
        finally
        {
            connections.WriteGate.Release();
        }

        Log.UpToDate(logger, scripts.Count == 0 ? 0 : scripts[^1].Version, applied);
        _completed = true;
        return applied;
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Applied storage migration {Version} ({Name})")]
        public static partial void Applied(ILogger logger, int version, string name);

        [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Storage schema is at version {Version} ({Applied} applied now)")]
        public static partial void UpToDate(ILogger logger, int version, int applied);
    }
}
