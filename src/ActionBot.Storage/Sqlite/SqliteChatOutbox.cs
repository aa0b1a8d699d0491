namespace ActionBot.Storage.Sqlite;

/// <summary>The chat outbox on SQLite: the shared statements of <see cref="SqlChatOutbox"/>, through this factory's connections and write gate.</summary>
public sealed class SqliteChatOutbox(SqliteConnectionFactory connections, ClaimOwner? owner = null) : SqlChatOutbox(new SqliteDatabase(connections), owner);
