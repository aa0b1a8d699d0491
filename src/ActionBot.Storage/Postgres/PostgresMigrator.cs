using System.Data.Common;
using Dapper;
using Npgsql;
using Microsoft.Extensions.Logging;

namespace ActionBot.Storage.Postgres;

/// <summary>
/// The <see cref="SchemaMigrator"/> of a PostgreSQL database. Replicas starting at once queue on a session
/// advisory lock: the first applies the migrations, the others then find every version recorded and apply none. Under
/// the same lock, each <see cref="IPostgresSchemaInstaller"/> then installs its schema.
/// </summary>
public sealed partial class PostgresMigrator(
    PostgresDatabase database, TimeProvider time, ILogger<PostgresMigrator> logger, IEnumerable<IPostgresSchemaInstaller>? installers = null)
    : SchemaMigrator(database, Placeholders, time, logger)
{
    internal static readonly IReadOnlyDictionary<string, string> Placeholders = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["blob"] = "BYTEA",
    };

    // Any fixed number works as long as nothing else in the database takes the same advisory lock: "ActnBot\x01".
    internal const long MigrationLockKey = 0x4163_746E_426F_7401;

    private protected override async Task<int> WithMigrationLockAsync(Func<DbConnection, Task<int>> work, CancellationToken cancellationToken)
    {
        var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var key = new { Key = MigrationLockKey };
            if (!await connection.ExecuteScalarAsync<bool>(new CommandDefinition("SELECT pg_try_advisory_lock(@Key)", key, cancellationToken: cancellationToken)).ConfigureAwait(false))
            {
                Log.WaitingForLock(logger);
                await connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_lock(@Key)", key, cancellationToken: cancellationToken)).ConfigureAwait(false);
            }

            try
            {
                var applied = await work(connection).ConfigureAwait(false);
                foreach (var installer in installers ?? [])
                {
                    installer.Install((NpgsqlConnection)connection);
                }

                return applied;
            }
            finally
            {
                // A session lock outlives the connection's return to the pool: release it explicitly.
                await connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_unlock(@Key)", key, cancellationToken: CancellationToken.None)).ConfigureAwait(false);
            }
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Waiting for another instance to finish migrating the PostgreSQL database")]
        public static partial void WaitingForLock(ILogger logger);
    }
}
