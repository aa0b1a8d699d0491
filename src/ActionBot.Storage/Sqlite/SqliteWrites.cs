using Dapper;

namespace ActionBot.Storage.Sqlite;

/// <summary>One write statement under the factory's write gate, in its own BEGIN IMMEDIATE transaction.</summary>
internal static class SqliteWrites
{
    public static Task<int> ExecuteAsync(SqliteConnectionFactory connections, string sql, object parameters, CancellationToken cancellationToken) =>
        RunAsync(connections, (connection, transaction) => connection.ExecuteAsync(new CommandDefinition(sql, parameters, transaction, cancellationToken: cancellationToken)), cancellationToken);

    /// <summary>A write that returns rows (<c>UPDATE ... RETURNING</c>).</summary>
    public static async Task<IReadOnlyList<T>> QueryAsync<T>(SqliteConnectionFactory connections, string sql, object parameters, CancellationToken cancellationToken) =>
        await RunAsync(
            connections,
            async (connection, transaction) => (await connection.QueryAsync<T>(new CommandDefinition(sql, parameters, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false)).AsList(),
            cancellationToken).ConfigureAwait(false);

    private static async Task<TResult> RunAsync<TResult>(
        SqliteConnectionFactory connections, Func<Microsoft.Data.Sqlite.SqliteConnection, Microsoft.Data.Sqlite.SqliteTransaction, Task<TResult>> work, CancellationToken cancellationToken)
    {
        await connections.WriteGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var connection = await connections.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using (connection.ConfigureAwait(false))
            {
                var transaction = connection.BeginTransaction(deferred: false);
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
            connections.WriteGate.Release();
        }
    }
}
