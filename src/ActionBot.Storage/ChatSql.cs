namespace ActionBot.Storage;

/// <summary>
/// The statements of <see cref="SqlChatOutbox"/>, in SQL that SQLite and PostgreSQL both accept; the claim differs by
/// one clause (<see cref="ClaimNext"/>).
/// </summary>
internal static class ChatSql
{
    public const string Enqueue = """
        INSERT INTO chat_outbox (message_key, destination, status, attempts, next_attempt_at, created_at, payload)
        VALUES (@Key, @Destination, 'pending', @Attempts, @CreatedAt, @CreatedAt, @Payload)
        ON CONFLICT (message_key) DO NOTHING
        """;

    public const string MarkSent = "UPDATE chat_outbox SET status = 'sent', lease_until = NULL, sent_at = @At, last_error = NULL WHERE message_key = @Key";

    public const string RetryLater = "UPDATE chat_outbox SET status = 'pending', lease_until = NULL, next_attempt_at = @RetryAt, last_error = @Reason WHERE message_key = @Key";

    public const string Fail = "UPDATE chat_outbox SET status = 'failed', lease_until = NULL, last_error = @Reason, sent_at = NULL, next_attempt_at = @At WHERE message_key = @Key";

    public const string CountPending = "SELECT COUNT(*) FROM chat_outbox WHERE status IN ('pending', 'processing')";

    /// <summary>
    /// One statement, so the pick and the claim are atomic: the oldest message that is due, or whose claim expired.
    /// On PostgreSQL the pick is <c>FOR UPDATE SKIP LOCKED</c>: replicas' senders claim side by side, a row another
    /// sender is claiming is passed over rather than waited for, and a row claimed since this statement's snapshot
    /// is re-checked against the WHERE before it is locked, so no message is claimed twice. (SQLite has one writer
    /// at a time, so the clause is not needed there, and it does not know it.) The claim carries its owner's name
    /// (<see cref="ClaimOwner"/>).
    /// </summary>
    public static string ClaimNext(SqlDialect dialect) => $"""
        UPDATE chat_outbox
        SET status = 'processing', lease_until = @LeaseUntil, attempts = attempts + 1, claimed_by = @Owner
        WHERE message_key = (
            SELECT message_key FROM chat_outbox
            WHERE (status = 'pending' AND next_attempt_at <= @Now) OR (status = 'processing' AND lease_until <= @Now)
            ORDER BY created_at, message_key LIMIT 1{dialect.LockSkippingLocked})
        RETURNING message_key AS Key, destination AS Destination, payload AS Payload, created_at AS CreatedAt, attempts AS Attempts
        """;
}
