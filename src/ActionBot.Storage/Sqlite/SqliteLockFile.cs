namespace ActionBot.Storage.Sqlite;

/// <summary>
/// An exclusive lock on an empty file beside a SQLite database: how the processes that open one database (<c>serve</c>,
/// a <c>backfill</c> beside it, a restart after a crash) keep out of each other's way. The operating system holds it
/// while the handle is open (<see cref="FileShare.None"/>: <c>flock</c> on Unix, also between two handles of one
/// process) and drops it with its process, even one killed by SIGKILL, so nobody waits on a dead holder. The one
/// mechanism for the database's owner (<see cref="SqliteClaimOwner"/>: <c>actionbot.db.lock</c>) and for each job's
/// lease (<see cref="SqliteJobLease"/>: <c>actionbot.db.&lt;job&gt;.lock</c>). The files stay; they hold nothing.
/// </summary>
internal static class SqliteLockFile
{
    /// <summary>The lock file of <paramref name="databaseFile"/>, or of one of its jobs when <paramref name="name"/> is set.</summary>
    public static string PathOf(string databaseFile, string? name = null) => name is null
        ? databaseFile + ".lock"
        : $"{databaseFile}.{string.Concat(name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '-'))}.lock";

    /// <summary>
    /// The lock, held until the stream is disposed; null when another process (or another handle here) holds it. A
    /// file that may not be created or opened throws <see cref="UnauthorizedAccessException"/>: the caller decides.
    /// </summary>
    public static FileStream? TryTake(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        try
        {
            return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, bufferSize: 1, FileOptions.None);
        }
        catch (IOException e) when (e is not (DirectoryNotFoundException or FileNotFoundException or PathTooLongException))
        {
            return null;
        }
    }
}
