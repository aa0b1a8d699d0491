using System.Data.Common;
using Dapper;
using Microsoft.Extensions.Logging;

namespace ActionBot.Storage.Postgres;

/// <summary>
/// The <see cref="ClaimOwner"/> of a replica on a shared PostgreSQL database: its claims are named after its machine
/// (a Kubernetes pod's name, which a restarted container keeps; a Compose container's id; the host under systemd), and
/// holding the name is holding a session advisory lock on it, on a connection kept open for the process's life: the
/// server drops it when that session ends, as it does when the process is killed. Two processes on one machine: the
/// second finds the name held and claims under a name of its own. A replica whose connection to the server breaks
/// loses the lock while it may still be working; a second process of the same name could then take its claims back,
/// and the work would be done twice, still once in effect (every step is idempotent), but never sooner than that.
/// </summary>
public sealed class PostgresClaimOwner : ClaimOwner
{
    private readonly PostgresDatabase _database;
    private DbConnection? _lock;

    public PostgresClaimOwner(PostgresDatabase database, ILogger<PostgresClaimOwner> logger)
        : this(database, logger, Environment.MachineName)
    {
    }

    /// <summary>A replica named <paramref name="stableName"/> (tests: several replicas in one process).</summary>
    internal PostgresClaimOwner(PostgresDatabase database, ILogger<PostgresClaimOwner> logger, string stableName)
        : base(database, logger)
    {
        _database = database;
        StableName = stableName;
    }

    public override string StableName { get; }

    public override async ValueTask DisposeAsync()
    {
        if (_lock is { } connection)
        {
            _lock = null;
            try
            {
                // A session lock outlives the connection's return to the pool: release it explicitly.
                await connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_unlock(@Key)", new { Key = KeyOf(StableName) })).ConfigureAwait(false);
            }
            finally
            {
                await connection.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private protected override async Task<bool> TryLockAsync(string name, CancellationToken cancellationToken)
    {
        if (_lock is not null)
        {
            return true;
        }

        var connection = await _database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (await connection.ExecuteScalarAsync<bool>(new CommandDefinition("SELECT pg_try_advisory_lock(@Key)", new { Key = KeyOf(name) }, cancellationToken: cancellationToken)).ConfigureAwait(false))
            {
                _lock = connection;
                return true;
            }
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        await connection.DisposeAsync().ConfigureAwait(false);
        return false;
    }

    // The jobs' hash, of a name no job has.
    private static long KeyOf(string name) => PostgresJobLease.KeyOf("claims:" + name);
}
