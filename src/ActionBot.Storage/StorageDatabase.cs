using System.Data.Common;
using Dapper;

namespace ActionBot.Storage;

/// <summary>
/// One database the stores run their SQL on. The statements are shared by every provider; what differs is how
/// connections open, how a write transaction begins, and the few fragments in <see cref="Dialect"/>.
/// </summary>
public abstract class StorageDatabase
{
    private protected StorageDatabase()
    {
    }

    internal abstract SqlDialect Dialect { get; }

    /// <summary>An open connection, set up for this provider; the caller disposes it.</summary>
    public abstract Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Runs <paramref name="work"/> in one write transaction and commits it. SQLite: alone among this process's
    /// writers, under BEGIN IMMEDIATE (the file's write lock). PostgreSQL: a plain transaction; row locks and
    /// constraints keep several processes apart.
    /// </summary>
    internal async Task<T> WriteAsync<T>(Func<DbConnection, DbTransaction, Task<T>> work, CancellationToken cancellationToken)
    {
        await EnterWriteAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using (connection.ConfigureAwait(false))
            {
                var transaction = await BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
                await using (transaction.ConfigureAwait(false))
                {
                    var result = await work(connection, transaction).ConfigureAwait(false);
                    await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                    return result;
                }
            }
        }
        finally
        {
            ExitWrite();
        }
    }

    /// <summary>One statement in one write transaction (a list of parameter sets runs it for each); rows changed.</summary>
    internal Task<int> ExecuteAsync(string sql, object? parameters, CancellationToken cancellationToken) =>
        WriteAsync(
            (connection, transaction) => connection.ExecuteAsync(new CommandDefinition(sql, parameters, transaction, cancellationToken: cancellationToken)),
            cancellationToken);

    /// <summary>A write that returns rows (<c>UPDATE ... RETURNING</c>), in one write transaction.</summary>
    internal Task<List<T>> WriteQueryAsync<T>(string sql, object? parameters, CancellationToken cancellationToken) =>
        WriteAsync(
            async (connection, transaction) =>
                (await connection.QueryAsync<T>(new CommandDefinition(sql, parameters, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false)).AsList(),
            cancellationToken);

    /// <summary>A read, buffered, on a connection of its own.</summary>
    internal async Task<List<T>> QueryAsync<T>(string sql, object? parameters, CancellationToken cancellationToken)
    {
        var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var rows = await connection.QueryAsync<T>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken)).ConfigureAwait(false);
            return rows.AsList();
        }
    }

    /// <summary>The first column of the first row (default when there is none), on a connection of its own.</summary>
    internal async Task<T?> ScalarAsync<T>(string sql, object? parameters, CancellationToken cancellationToken)
    {
        var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            return await connection.ExecuteScalarAsync<T>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken)).ConfigureAwait(false);
        }
    }

    /// <summary>Waits until this process may write (SQLite's write gate); a no-op where the server orders writers.</summary>
    internal virtual Task EnterWriteAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    internal virtual void ExitWrite()
    {
    }

    /// <summary>A transaction that writes: it takes the database's write lock at once where there is one.</summary>
    internal abstract ValueTask<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken);
}
