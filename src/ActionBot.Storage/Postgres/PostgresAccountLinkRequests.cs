namespace ActionBot.Storage.Postgres;

/// <summary>Waiting account-link claims on PostgreSQL: the shared statements of <see cref="SqlAccountLinkRequests"/>.</summary>
public sealed class PostgresAccountLinkRequests(PostgresDatabase database) : SqlAccountLinkRequests(database);
