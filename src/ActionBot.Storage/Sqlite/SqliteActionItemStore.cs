namespace ActionBot.Storage.Sqlite;

/// <summary>The item store on SQLite: the shared statements of <see cref="SqlActionItemStore"/>, through this factory's connections and write gate.</summary>
public sealed class SqliteActionItemStore(SqliteConnectionFactory connections, TimeProvider time)
    : SqlActionItemStore(new SqliteDatabase(connections), time);
