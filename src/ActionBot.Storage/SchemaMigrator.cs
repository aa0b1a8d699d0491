using System.Data.Common;
using ActionBot.Storage.Migrations;
using Dapper;
using Microsoft.Extensions.Logging;

namespace ActionBot.Storage;

/// <summary>
/// Brings a database to the latest schema: each pending migration of <see cref="MigrationScripts"/> in its own write
/// transaction, recorded in <c>schema_migrations</c>. Safe to run again and from several processes at once: the
/// provider holds a lock across processes around the whole run (<see cref="WithMigrationLockAsync"/>), and each
/// transaction checks the version again, so a migration applies exactly once.
/// </summary>
public abstract partial class SchemaMigrator
{
    private const string CreateHistory =
        "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER NOT NULL PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)";

    private readonly StorageDatabase _database;
    private readonly IReadOnlyDictionary<string, string> _placeholders;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private volatile bool _completed;

    private protected SchemaMigrator(StorageDatabase database, IReadOnlyDictionary<string, string> placeholders, TimeProvider time, ILogger logger)
    {
        _database = database;
        _placeholders = placeholders;
        _time = time;
        _logger = logger;
    }

    /// <summary>True once <see cref="MigrateAsync"/> has brought the schema up to date in this process.</summary>
    public bool IsUpToDate => _completed;

    /// <summary>Applies the pending migrations; returns how many this call applied.</summary>
    public async Task<int> MigrateAsync(CancellationToken cancellationToken)
    {
        var scripts = MigrationScripts.Load(_placeholders);
        var applied = await WithMigrationLockAsync(connection => ApplyAsync(connection, scripts, cancellationToken), cancellationToken).ConfigureAwait(false);
        Log.UpToDate(_logger, scripts.Count == 0 ? 0 : scripts[^1].Version, applied);
        _completed = true;
        return applied;
    }

    /// <summary>Runs <paramref name="work"/> on one open connection while no other migrator, here or in another process, runs.</summary>
    private protected abstract Task<int> WithMigrationLockAsync(Func<DbConnection, Task<int>> work, CancellationToken cancellationToken);

    private async Task<int> ApplyAsync(DbConnection connection, IReadOnlyList<MigrationScript> scripts, CancellationToken cancellationToken)
    {
        await connection.ExecuteAsync(new CommandDefinition(CreateHistory, cancellationToken: cancellationToken)).ConfigureAwait(false);
        var applied = 0;
        foreach (var script in scripts)
        {
            var transaction = await _database.BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
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
                    new { script.Version, script.Name, AppliedAt = SqlValues.Timestamp(_time.GetUtcNow()) },
                    transaction,
                    cancellationToken: cancellationToken)).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                applied++;
                Log.Applied(_logger, script.Version, script.Name);
            }
        }

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
