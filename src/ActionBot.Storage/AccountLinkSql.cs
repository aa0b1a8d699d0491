namespace ActionBot.Storage;

/// <summary>
/// The statements of <see cref="SqlAccountLinks"/> and <see cref="SqlAccountLinkRequests"/>, in SQL that SQLite and
/// PostgreSQL both accept; picking a due claim differs by one clause (<see cref="PickDueRequest"/>).
/// </summary>
internal static class AccountLinkSql
{
    /// <summary>
    /// Links the user (replacing their earlier link) unless another user holds the login: no row changes then. Two
    /// users confirmed for one login at the same instant on PostgreSQL: the unique index refuses the second.
    /// </summary>
    public const string Link = """
        INSERT INTO account_links (chat_user_id, github_login, linked_at)
        SELECT @UserId, @Login, @At
        WHERE NOT EXISTS (SELECT 1 FROM account_links WHERE lower(github_login) = lower(@Login) AND chat_user_id <> @UserId)
        ON CONFLICT (chat_user_id) DO UPDATE SET github_login = excluded.github_login, linked_at = excluded.linked_at
        """;

    public const string LoginOf = "SELECT github_login FROM account_links WHERE chat_user_id = @UserId";

    public const string UserOf = "SELECT chat_user_id FROM account_links WHERE lower(github_login) = lower(@Login)";

    private const string RequestColumns = """
        chat_user_id AS ChatUserId, github_login AS GitHubLogin, device_code AS DeviceCode, user_code AS UserCode,
        verification_uri AS VerificationUri, poll_interval_seconds AS IntervalSeconds, next_poll_at AS NextPollAt,
        expires_at AS ExpiresAt, requested_at AS RequestedAt
        """;

    public const string SaveRequest = """
        INSERT INTO account_link_requests
            (chat_user_id, github_login, device_code, user_code, verification_uri, poll_interval_seconds, next_poll_at, expires_at, requested_at)
        VALUES (@ChatUserId, @GitHubLogin, @DeviceCode, @UserCode, @VerificationUri, @IntervalSeconds, @NextPollAt, @ExpiresAt, @RequestedAt)
        ON CONFLICT (chat_user_id) DO UPDATE SET
            github_login = excluded.github_login, device_code = excluded.device_code, user_code = excluded.user_code,
            verification_uri = excluded.verification_uri, poll_interval_seconds = excluded.poll_interval_seconds,
            next_poll_at = excluded.next_poll_at, expires_at = excluded.expires_at, requested_at = excluded.requested_at
        """;

    public const string GetRequest = $"SELECT {RequestColumns} FROM account_link_requests WHERE chat_user_id = @UserId";

    public const string MoveNextPoll = "UPDATE account_link_requests SET next_poll_at = @NextPollAt WHERE chat_user_id = @UserId AND device_code = @DeviceCode";

    public const string Reschedule = """
        UPDATE account_link_requests SET poll_interval_seconds = @IntervalSeconds, next_poll_at = @NextPollAt
        WHERE chat_user_id = @UserId AND device_code = @DeviceCode
        """;

    public const string RemoveRequest = "DELETE FROM account_link_requests WHERE chat_user_id = @UserId AND device_code = @DeviceCode";

    public const string NextPollAt = "SELECT MIN(next_poll_at) FROM account_link_requests";

    /// <summary>
    /// The claim due soonest. On PostgreSQL its row stays locked until the transaction that moves its next poll
    /// commits, and other pollers pass it over (<c>SKIP LOCKED</c>) rather than poll it too.
    /// </summary>
    public static string PickDueRequest(SqlDialect dialect) => $"""
        SELECT {RequestColumns} FROM account_link_requests
        WHERE next_poll_at <= @Now
        ORDER BY next_poll_at, chat_user_id LIMIT 1{dialect.LockSkippingLocked}
        """;
}
