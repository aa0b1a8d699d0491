namespace ActionBot.Storage.Sqlite;

/// <summary>Waiting account-link claims on SQLite: the shared statements of <see cref="SqlAccountLinkRequests"/>.</summary>
public sealed class SqliteAccountLinkRequests(SqliteConnectionFactory connections) : SqlAccountLinkRequests(new SqliteDatabase(connections));
