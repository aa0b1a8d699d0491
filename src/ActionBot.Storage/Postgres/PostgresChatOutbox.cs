namespace ActionBot.Storage.Postgres;

/// <summary>The chat outbox on PostgreSQL: the shared statements of <see cref="SqlChatOutbox"/>, claims with SKIP LOCKED.</summary>
public sealed class PostgresChatOutbox(PostgresDatabase database, ClaimOwner? owner = null) : SqlChatOutbox(database, owner);
