namespace ActionBot.Storage.Postgres;

/// <summary>
/// The statements of <see cref="PostgresDeliveryInbox"/> that differ from SQLite's; retry, failure and counting
/// share <see cref="Sqlite.InboxSql"/>'s text.
/// </summary>
internal static class PostgresInboxSql
{
    // Two processes adding the same id at once: the second waits for the first's row, then does nothing.
    public const string Insert = """
        INSERT INTO webhook_deliveries (id, event, action, repository, received_at, status, attempts, next_attempt_at, body)
        VALUES (@Id, @Event, @Action, @Repository, @ReceivedAt, 'pending', @Attempts, @ReceivedAt, @Body)
        ON CONFLICT (id) DO NOTHING
        """;

    // One statement, so the pick and the claim are atomic; the candidates are picked as SQLite's are (the earliest
    // due pending delivery and the earliest expired lease, each found through the (status, ...) index; the one
    // received first wins). FOR UPDATE SKIP LOCKED lets replicas claim side by side: a row another claimer has
    // locked is passed over, not waited for, and a row changed since this statement's snapshot is re-checked
    // against the WHERE before it is locked, so no delivery is claimed twice. The candidate not taken stays locked
    // only until this statement ends; a claimer that meets it may find nothing this time and polls again.
    public const string ClaimNext = """
        WITH due AS (
            SELECT id, received_at FROM webhook_deliveries
            WHERE status = 'pending' AND next_attempt_at <= @Now
            ORDER BY next_attempt_at LIMIT 1
            FOR UPDATE SKIP LOCKED),
        expired AS (
            SELECT id, received_at FROM webhook_deliveries
            WHERE status = 'processing' AND lease_until <= @Now
            ORDER BY lease_until LIMIT 1
            FOR UPDATE SKIP LOCKED),
        picked AS (
            SELECT id FROM (SELECT id, received_at FROM due UNION ALL SELECT id, received_at FROM expired) AS candidates
            ORDER BY received_at LIMIT 1)
        UPDATE webhook_deliveries AS d
        SET status = 'processing', lease_until = @LeaseUntil, attempts = d.attempts + 1
        FROM picked WHERE d.id = picked.id
        RETURNING d.id AS Id, d.event AS Event, d.action AS Action, d.repository AS Repository, d.received_at AS ReceivedAt,
                  d.attempts AS Attempts, d.body AS Body
        """;

    // A done delivery keeps its row (a redelivery is still a duplicate) but not its body. Failed ones keep theirs.
    public const string Complete = """
        UPDATE webhook_deliveries SET status = 'done', lease_until = NULL, completed_at = @At, body = @EmptyBody WHERE id = @Id
        """;
}
