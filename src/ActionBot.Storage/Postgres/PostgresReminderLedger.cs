namespace ActionBot.Storage.Postgres;

/// <summary>The reminder ledger on PostgreSQL: the shared statements of <see cref="SqlReminderLedger"/>, on this database's pool.</summary>
public sealed class PostgresReminderLedger(PostgresDatabase database) : SqlReminderLedger(database);
