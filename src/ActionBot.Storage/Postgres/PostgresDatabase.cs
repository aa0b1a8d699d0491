using System.Data.Common;
using Microsoft.Extensions.Options;
using Npgsql;

namespace ActionBot.Storage.Postgres;

/// <summary>
/// One PostgreSQL database, shared by every replica of the bot: pooled connections from one data source. Writes
/// are plain READ COMMITTED transactions; what must happen once across replicas is settled in the statements
/// themselves (ON CONFLICT, row locks with SKIP LOCKED, an advisory lock around migrations).
/// </summary>
public sealed class PostgresDatabase : StorageDatabase, IDisposable
{
    private readonly NpgsqlDataSource _dataSource;

    public PostgresDatabase(IOptions<StorageOptions> options)
        : this(options?.Value.ConnectionString ?? throw new ArgumentNullException(nameof(options)))
    {
    }

    public PostgresDatabase(string connectionString) => _dataSource = NpgsqlDataSource.Create(connectionString);

    internal override SqlDialect Dialect => SqlDialect.Postgres;

    public override async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken) =>
        await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);

    internal override async ValueTask<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken) =>
        await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);

    /// <summary>Closes the pooled connections.</summary>
    public void Dispose() => _dataSource.Dispose();
}
