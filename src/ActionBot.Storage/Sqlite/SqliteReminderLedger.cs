namespace ActionBot.Storage.Sqlite;

/// <summary>The reminder ledger on SQLite: the shared statements of <see cref="SqlReminderLedger"/>, through this factory's connections and write gate.</summary>
public sealed class SqliteReminderLedger(SqliteConnectionFactory connections) : SqlReminderLedger(new SqliteDatabase(connections));
