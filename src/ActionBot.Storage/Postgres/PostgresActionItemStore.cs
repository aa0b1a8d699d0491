namespace ActionBot.Storage.Postgres;

/// <summary>The item store on PostgreSQL: the shared statements of <see cref="SqlActionItemStore"/>, on this database's pool.</summary>
public sealed class PostgresActionItemStore(PostgresDatabase database, TimeProvider time) : SqlActionItemStore(database, time);
