using Microsoft.Extensions.Logging;

namespace ActionBot.Storage.Sqlite;

/// <summary>
/// The <see cref="ClaimOwner"/> of a SQLite database, which one process owns: its claims are named after the database's
/// owner, and owning it is holding the <see cref="SqliteLockFile"/> of the database, <c>&lt;database file&gt;.lock</c>
/// (an OS file lock, which the kernel drops when the process dies, even by <c>kill -9</c>). A second process on the
/// same file (a tool beside the running bot) does not get it and takes back nothing. An in-memory database has no other
/// process.
/// </summary>
public sealed class SqliteClaimOwner(SqliteDatabase database, SqliteConnectionFactory connections, ILogger<SqliteClaimOwner> logger) : ClaimOwner(database, logger)
{
    private FileStream? _lock;

    public override string StableName => "owner";

    public override ValueTask DisposeAsync()
    {
        _lock?.Dispose();
        _lock = null;
        return ValueTask.CompletedTask;
    }

    private protected override Task<bool> TryLockAsync(string name, CancellationToken cancellationToken)
    {
        if (_lock is not null || connections.DatabaseFile is not { } file)
        {
            return Task.FromResult(true);
        }

        try
        {
            _lock = SqliteLockFile.TryTake(SqliteLockFile.PathOf(file));
            return Task.FromResult(_lock is not null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Held by another process (or not ours to lock): taking nothing back is always safe.
            return Task.FromResult(false);
        }
    }
}
