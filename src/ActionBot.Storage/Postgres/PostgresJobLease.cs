using System.Buffers.Binary;
using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using ActionBot.Core.Ports;
using Dapper;

namespace ActionBot.Storage.Postgres;

/// <summary>
/// <see cref="IJobLease"/> across replicas: a session-level advisory lock (<c>pg_try_advisory_lock</c>) on a key
/// hashed from the job's name, held on a connection of its own for as long as the job runs. Not waiting: a replica
/// that finds the lock taken skips the run. The server drops a session's locks when its connection ends, so a
/// replica that dies mid-run frees the job for the next trigger anywhere. Needs session pooling between the bot and
/// the server (PgBouncer in transaction mode would hand the lock's session to someone else).
/// </summary>
public sealed class PostgresJobLease(PostgresDatabase database) : IJobLease
{
    public async Task<IAsyncDisposable?> TryAcquireAsync(string job, CancellationToken cancellationToken)
    {
        var key = KeyOf(job);
        var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var taken = await connection.ExecuteScalarAsync<bool>(
                new CommandDefinition("SELECT pg_try_advisory_lock(@Key)", new { Key = key }, cancellationToken: cancellationToken)).ConfigureAwait(false);
            if (taken)
            {
                return new Held(connection, key);
            }
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        await connection.DisposeAsync().ConfigureAwait(false);
        return null;
    }

    public async Task<IAsyncDisposable> AcquireAsync(string job, CancellationToken cancellationToken)
    {
        var key = KeyOf(job);
        var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Waits in the server until the holder releases it or its session ends; cancelling cancels the wait.
            await connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_lock(@Key)", new { Key = key }, cancellationToken: cancellationToken)).ConfigureAwait(false);
            return new Held(connection, key);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// The advisory lock key of <paramref name="job"/>: the first 8 bytes of SHA-256 of a prefixed name, the same in
    /// every replica and far from the migrator's fixed key.
    /// </summary>
    public static long KeyOf(string job) =>
        BinaryPrimitives.ReadInt64BigEndian(SHA256.HashData(Encoding.UTF8.GetBytes("actionbot:job:" + job)));

    private sealed class Held(DbConnection connection, long key) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                // A session lock outlives the connection's return to the pool: release it explicitly.
                await connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_unlock(@Key)", new { Key = key })).ConfigureAwait(false);
            }
            finally
            {
                await connection.DisposeAsync().ConfigureAwait(false);
            }
        }
    }
}
