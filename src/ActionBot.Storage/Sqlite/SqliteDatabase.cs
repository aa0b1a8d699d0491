using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace ActionBot.Storage.Sqlite;

/// <summary>
/// The shared stores' view of a SQLite file: connections from the factory, writes one at a time in this process
/// (its write gate) and under BEGIN IMMEDIATE, so a transaction never has to upgrade its lock and meet SQLITE_BUSY.
/// </summary>
public sealed class SqliteDatabase(SqliteConnectionFactory connections) : StorageDatabase
{
    internal override SqlDialect Dialect => SqlDialect.Sqlite;

    public override async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken) =>
        await connections.OpenAsync(cancellationToken).ConfigureAwait(false);

    internal override Task EnterWriteAsync(CancellationToken cancellationToken) => connections.WriteGate.WaitAsync(cancellationToken);

    internal override void ExitWrite() => connections.WriteGate.Release();

    internal override ValueTask<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken) =>
        ValueTask.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(deferred: false));
}
