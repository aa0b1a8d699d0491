namespace ActionBot.Storage.Sqlite;

/// <summary>The statements of <see cref="SqliteDeliveryInbox"/>.</summary>
internal static class InboxSql
{
    public const string Insert = """
        INSERT INTO webhook_deliveries (id, event, action, repository, received_at, status, attempts, next_attempt_at, body)
        VALUES (@Id, @Event, @Action, @Repository, @ReceivedAt, 'pending', @Attempts, @ReceivedAt, @Body)
        ON CONFLICT (id) DO NOTHING
        """;

    // One statement, so the pick and the claim are atomic. Each branch walks the (status, next_attempt_at) index and
    // stops at its first row (pending: earliest due, which for a fresh delivery is its arrival; ties in arrival
    // order); of the two candidates the one received first wins, so an abandoned claim is not starved.
    public const string ClaimNext = """
        UPDATE webhook_deliveries
        SET status = 'processing', lease_until = @LeaseUntil, attempts = attempts + 1
        WHERE id = (
            SELECT id FROM (
                SELECT id, received_at FROM (
                    SELECT id, received_at FROM webhook_deliveries
                    WHERE status = 'pending' AND next_attempt_at <= @Now
                    ORDER BY next_attempt_at LIMIT 1) AS due
                UNION ALL
                SELECT id, received_at FROM (
                    SELECT id, received_at FROM webhook_deliveries
                    WHERE status = 'processing' AND lease_until <= @Now
                    ORDER BY lease_until LIMIT 1) AS expired
            ) AS candidates
            ORDER BY received_at LIMIT 1)
        RETURNING id AS Id, event AS Event, action AS Action, repository AS Repository, received_at AS ReceivedAt, attempts AS Attempts, body AS Body
        """;

    // A done delivery keeps its row, so its id stays known (a redelivery is still a duplicate), but not its body:
    // at 1,000 deliveries/s of 25 KB, kept bodies would grow the file by 90 GB an hour. Failed ones keep theirs.
    public const string Complete = """
        UPDATE webhook_deliveries SET status = 'done', lease_until = NULL, completed_at = @At, body = @EmptyBody WHERE id = @Id
        """;

    public const string RetryLater = """
        UPDATE webhook_deliveries SET status = 'pending', lease_until = NULL, next_attempt_at = @RetryAt, last_error = @Reason WHERE id = @Id
        """;

    public const string Fail = """
        UPDATE webhook_deliveries SET status = 'failed', lease_until = NULL, last_error = @Reason, completed_at = @At WHERE id = @Id
        """;

    public const string CountPending = "SELECT COUNT(*) FROM webhook_deliveries WHERE status IN ('pending', 'processing')";
}
