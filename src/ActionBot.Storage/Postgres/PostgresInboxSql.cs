namespace ActionBot.Storage.Postgres;

/// <summary>
/// The statements of <see cref="PostgresDeliveryInbox"/> that differ from SQLite's: each does in one statement what
/// the SQLite inbox does in a transaction of several. Retry, failure and counting share <see cref="InboxSql"/>'s text.
/// </summary>
internal static class PostgresInboxSql
{
    // The body row is written only when the delivery row was (RETURNING gives nothing for a duplicate), so the
    // statement's row count says whether the delivery was new. Two processes adding the same id at once: the
    // second waits for the first's row, then does nothing.
    public const string Insert = """
        WITH added AS (
            INSERT INTO webhook_deliveries (id, event, action, repository, received_at, status, attempts, next_attempt_at)
            VALUES (@Id, @Event, @Action, @Repository, @ReceivedAt, 'pending', @Attempts, @ReceivedAt)
            ON CONFLICT (id) DO NOTHING
            RETURNING id)
        INSERT INTO webhook_delivery_bodies (id, body) SELECT id, @Body FROM added
        """;

    // One statement, so the pick, the claims and the reads of the bodies are atomic; the candidates are picked as
    // SQLite's are (the @Max earliest due pending deliveries and the @Max earliest expired leases, each found through
    // the (status, ...) index; the @Max received first win). FOR UPDATE SKIP LOCKED lets replicas claim side by side:
    // a row another claimer has locked is passed over, not waited for, and a row changed since this statement's
    // snapshot is re-checked against the WHERE before it is locked, so no delivery is claimed twice. Candidates not
    // taken stay locked only until this statement ends; a claimer that meets them may find fewer this time and
    // polls again. A missing body row (deleted by hand) gives an empty body: the processor fails the delivery
    // through the usual retries, visibly, instead of the worker stopping on every claim. The caller sorts.
    public const string ClaimBatch = """
        WITH due AS (
            SELECT id, received_at FROM webhook_deliveries
            WHERE status = 'pending' AND next_attempt_at <= @Now
            ORDER BY next_attempt_at LIMIT @Max
            FOR UPDATE SKIP LOCKED),
        expired AS (
            SELECT id, received_at FROM webhook_deliveries
            WHERE status = 'processing' AND lease_until <= @Now
            ORDER BY lease_until LIMIT @Max
            FOR UPDATE SKIP LOCKED),
        picked AS (
            SELECT id FROM (SELECT id, received_at FROM due UNION ALL SELECT id, received_at FROM expired) AS candidates
            ORDER BY received_at LIMIT @Max),
        claimed AS (
            UPDATE webhook_deliveries AS d
            SET status = 'processing', lease_until = @LeaseUntil, attempts = d.attempts + 1, claimed_by = @Owner
            FROM picked WHERE d.id = picked.id
            RETURNING d.id, d.event, d.action, d.repository, d.received_at, d.attempts)
        SELECT c.id AS Id, c.event AS Event, c.action AS Action, c.repository AS Repository, c.received_at AS ReceivedAt,
               c.attempts AS Attempts, COALESCE(b.body, ''::bytea) AS Body
        FROM claimed c LEFT JOIN webhook_delivery_bodies b ON b.id = c.id
        """;

    // A done delivery keeps its row (a redelivery is still a duplicate) but not its body; failed ones keep theirs.
    // The bodies go only for the deliveries found, in the same statement; the ids returned say which were.
    public const string Complete = """
        WITH done AS (
            UPDATE webhook_deliveries SET status = 'done', lease_until = NULL, completed_at = @At WHERE id = ANY(@Ids)
            RETURNING id),
        gone AS (
            DELETE FROM webhook_delivery_bodies WHERE id IN (SELECT id FROM done))
        SELECT id FROM done
        """;

    // InboxSql.PruneDone, with SKIP LOCKED: every replica's worker prunes, and two at once take different rows
    // instead of waiting on (or deadlocking over) each other's. One that finds its batch short stops early; the
    // next pass takes the rest.
    public const string PruneDone = """
        DELETE FROM webhook_deliveries WHERE id IN (
            SELECT id FROM webhook_deliveries
            WHERE status = 'done' AND next_attempt_at < @Before AND completed_at < @Before
            LIMIT @Batch
            FOR UPDATE SKIP LOCKED)
        """;
}
