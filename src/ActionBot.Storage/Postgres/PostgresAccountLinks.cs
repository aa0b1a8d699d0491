namespace ActionBot.Storage.Postgres;

/// <summary>Account links on PostgreSQL: the shared statements of <see cref="SqlAccountLinks"/>.</summary>
public sealed class PostgresAccountLinks(PostgresDatabase database) : SqlAccountLinks(database);
