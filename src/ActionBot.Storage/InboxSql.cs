using ActionBot.Storage.Postgres;
using ActionBot.Storage.Sqlite;

namespace ActionBot.Storage;

/// <summary>
/// The statements of <see cref="SqliteDeliveryInbox"/>; <see cref="PostgresDeliveryInbox"/> shares those that read
/// the same in both databases, and has its own (<see cref="PostgresInboxSql"/>) where it claims and completes in
/// one statement.
/// </summary>
internal static class InboxSql
{
    // TryAdd runs Insert and then, only when it stored a row (not a duplicate), InsertBody, in one transaction.
    public const string Insert = """
        INSERT INTO webhook_deliveries (id, event, action, repository, received_at, status, attempts, next_attempt_at)
        VALUES (@Id, @Event, @Action, @Repository, @ReceivedAt, 'pending', @Attempts, @ReceivedAt)
        ON CONFLICT (id) DO NOTHING
        """;

    public const string InsertBody = "INSERT INTO webhook_delivery_bodies (id, body) VALUES (@Id, @Body)";

    // One statement, so the pick and the claim are atomic. Each branch walks the (status, next_attempt_at) index and
    // stops after @Max rows (pending: earliest due, which for a fresh delivery is its arrival); of those candidates
    // the @Max received first win, so abandoned claims are not starved. A claim carries its owner's name, so that a
    // restart can take its own back (ClaimOwner). RETURNING has no order: the caller sorts.
    public const string ClaimBatch = """
        UPDATE webhook_deliveries
        SET status = 'processing', lease_until = @LeaseUntil, attempts = attempts + 1, claimed_by = @Owner
        WHERE id IN (
            SELECT id FROM (
                SELECT id, received_at FROM (
                    SELECT id, received_at FROM webhook_deliveries
                    WHERE status = 'pending' AND next_attempt_at <= @Now
                    ORDER BY next_attempt_at LIMIT @Max) AS due
                UNION ALL
                SELECT id, received_at FROM (
                    SELECT id, received_at FROM webhook_deliveries
                    WHERE status = 'processing' AND lease_until <= @Now
                    ORDER BY lease_until LIMIT @Max) AS expired
            ) AS candidates
            ORDER BY received_at LIMIT @Max)
        RETURNING id AS Id, event AS Event, action AS Action, repository AS Repository, received_at AS ReceivedAt, attempts AS Attempts
        """;

    // Read right after a claim, on the same connection: the body row is written with its delivery and deleted
    // only by the completion of the claim that holds it.
    public const string SelectBody = "SELECT body FROM webhook_delivery_bodies WHERE id = @Id";

    // A done delivery keeps its row, so its id stays known (a redelivery is still a duplicate), but not its body:
    // at 1,000 deliveries/s of 25 KB, kept bodies would grow the file by 90 GB an hour. Failed ones keep theirs.
    // Complete and DeleteBody run in one transaction (per batch of completions); the body is deleted only when
    // Complete found the delivery.
    public const string Complete = """
        UPDATE webhook_deliveries SET status = 'done', lease_until = NULL, completed_at = @At WHERE id = @Id
        """;

    public const string DeleteBody = "DELETE FROM webhook_delivery_bodies WHERE id = @Id";

    public const string RetryLater = """
        UPDATE webhook_deliveries SET status = 'pending', lease_until = NULL, next_attempt_at = @RetryAt, last_error = @Reason WHERE id = @Id
        """;

    public const string Fail = """
        UPDATE webhook_deliveries SET status = 'failed', lease_until = NULL, last_error = @Reason, completed_at = @At WHERE id = @Id
        """;

    public const int PruneBatchSize = 1000;

    // Done deliveries whose ids no longer need to be remembered. Done rows have no body (completion deleted it);
    // failed ones are kept. next_attempt_at <= completed_at always (a delivery is claimed only once due), so the
    // range on it is implied by the one on completed_at and lets the (status, next_attempt_at) index find the rows.
    public const string PruneDone = """
        DELETE FROM webhook_deliveries WHERE id IN (
            SELECT id FROM webhook_deliveries
            WHERE status = 'done' AND next_attempt_at < @Before AND completed_at < @Before
            LIMIT @Batch)
        """;

    public const string CountPending = "SELECT COUNT(*) FROM webhook_deliveries WHERE status IN ('pending', 'processing')";

    /// <summary>
    /// Deletes done deliveries one batch (<see cref="PruneDone"/>) at a time until a batch deletes fewer than
    /// <see cref="PruneBatchSize"/>; the total. Short batches keep each write short: other writers wait behind one
    /// batch at most.
    /// </summary>
    public static async Task<int> PruneInBatchesAsync(Func<object, Task<int>> deleteBatch, DateTimeOffset completedBefore)
    {
        var parameters = new { Before = SqlValues.Timestamp(completedBefore), Batch = PruneBatchSize };
        var pruned = 0;
        int batch;
        do
        {
            batch = await deleteBatch(parameters).ConfigureAwait(false);
            pruned += batch;
        }
        while (batch == PruneBatchSize);

        return pruned;
    }
}
