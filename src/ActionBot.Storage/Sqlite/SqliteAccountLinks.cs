namespace ActionBot.Storage.Sqlite;

/// <summary>Account links on SQLite: the shared statements of <see cref="SqlAccountLinks"/>.</summary>
public sealed class SqliteAccountLinks(SqliteConnectionFactory connections) : SqlAccountLinks(new SqliteDatabase(connections));
