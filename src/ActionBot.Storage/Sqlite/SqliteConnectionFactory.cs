using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace ActionBot.Storage.Sqlite;

/// <summary>
/// Opens connections to one SQLite database, each set up the same way, and serializes this process's writes.
/// </summary>
public sealed class SqliteConnectionFactory : IDisposable
{
    // busy_timeout: a writer in another process makes us wait up to 5 s instead of failing at once.
    // synchronous=NORMAL: in WAL mode a commit survives a crash of this process (the WAL is in the OS's
    // hands); only a power loss or OS crash can lose the last commits, and never corrupts the file.
    private const string PerConnectionPragmas = "PRAGMA busy_timeout=5000; PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL;";

    /// <summary>SQLite's own default: the commit that takes the WAL past this many pages checkpoints it.</summary>
    internal const int DefaultAutoCheckpointPages = 1000;

    private readonly string _connectionString;
    private readonly string? _databaseFile;
    private volatile bool _databaseReady;
    private int _autoCheckpointPages = DefaultAutoCheckpointPages;

    static SqliteConnectionFactory() => SQLitePCL.Batteries_V2.Init();

    public SqliteConnectionFactory(IOptions<StorageOptions> options)
        : this(options?.Value.ConnectionString ?? throw new ArgumentNullException(nameof(options)))
    {
    }

    public SqliteConnectionFactory(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        _connectionString = builder.ToString();
        _databaseFile = IsFile(builder) ? Path.GetFullPath(builder.DataSource) : null;
    }

    /// <summary>
    /// Held around every write of this process. SQLite has one writer at a time anyway; waiting here in order is
    /// far cheaper than many connections meeting SQLITE_BUSY and sleeping in its busy handler.
    /// </summary>
    internal SemaphoreSlim WriteGate { get; } = new(1, 1);

    /// <summary>
    /// <c>wal_autocheckpoint</c> of connections opened from now on. SQLite's automatic checkpoint runs inside the
    /// commit that crosses it, on the committing connection: under the write gate, in the webhook
    /// acknowledgement's path, with two fsyncs. While a <see cref="SqliteWalCheckpointer"/> runs it checkpoints
    /// instead and raises this far above its own restart size, leaving SQLite's checkpoint only as the bound on the
    /// WAL should it fall behind. Set before the first request is taken (hosted services start before the
    /// server), so every writing connection of <c>serve</c> is opened with it.
    /// </summary>
    internal int AutoCheckpointPages
    {
        get => Volatile.Read(ref _autoCheckpointPages);
        set => Volatile.Write(ref _autoCheckpointPages, value);
    }

    /// <summary>The database file's full path; null for an in-memory or URI data source.</summary>
    internal string? DatabaseFile => _databaseFile;

    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        if (!_databaseReady && _databaseFile is not null)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(_databaseFile)!);
        }

        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            using var command = connection.CreateCommand();
            // Pooled connections come back with the pragmas they had: set them on every open.
            command.CommandText = string.Create(CultureInfo.InvariantCulture, $"{PerConnectionPragmas} PRAGMA wal_autocheckpoint={AutoCheckpointPages};");
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            if (!_databaseReady)
            {
                // WAL (readers never block the writer) is a property of the file: once per database is enough.
                command.CommandText = "PRAGMA journal_mode=WAL;";
                await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
                _databaseReady = true;
            }

            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Closes the pooled connections, releasing the database file.</summary>
    public void Dispose()
    {
        using (var connection = new SqliteConnection(_connectionString))
        {
            SqliteConnection.ClearPool(connection);
        }

        WriteGate.Dispose();
    }

    private static bool IsFile(SqliteConnectionStringBuilder builder) =>
        builder.Mode != SqliteOpenMode.Memory
        && !string.IsNullOrEmpty(builder.DataSource)
        && builder.DataSource != ":memory:"
        && !builder.DataSource.StartsWith("file:", StringComparison.OrdinalIgnoreCase);
}
