using System.Data.Common;
using Microsoft.Extensions.Logging;

namespace ActionBot.Storage.Sqlite;

/// <summary>
/// The <see cref="SchemaMigrator"/> of a SQLite file: this process's write gate around the run, and each
/// migration's BEGIN IMMEDIATE (the file's write lock) keeps another process's migrator out.
/// </summary>
public sealed class SqliteMigrator(SqliteConnectionFactory connections, TimeProvider time, ILogger<SqliteMigrator> logger)
    : SchemaMigrator(new SqliteDatabase(connections), Placeholders, time, logger)
{
    internal static readonly IReadOnlyDictionary<string, string> Placeholders = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["blob"] = "BLOB",
    };

    private protected override async Task<int> WithMigrationLockAsync(Func<DbConnection, Task<int>> work, CancellationToken cancellationToken)
    {
        await connections.WriteGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var connection = await connections.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using (connection.ConfigureAwait(false))
            {
                return await work(connection).ConfigureAwait(false);
            }
        }
        finally
        {
            connections.WriteGate.Release();
        }
    }
}
