using ActionBot.Core.Identity;
using ActionBot.Core.Ports;
using Dapper;

namespace ActionBot.Storage;

/// <summary>
/// <see cref="IAccountLinkRequests"/> in SQL both providers run: one row per chat user. A claim for polling picks the
/// due row and moves its next poll in one write transaction (on PostgreSQL the row is locked and skipped by others
/// meanwhile). <see cref="Sqlite.SqliteAccountLinkRequests"/> and <see cref="Postgres.PostgresAccountLinkRequests"/>
/// only say which database.
/// </summary>
public abstract class SqlAccountLinkRequests : IAccountLinkRequests
{
    private readonly StorageDatabase _database;
    private readonly string _pickDue;

    private protected SqlAccountLinkRequests(StorageDatabase database)
    {
        _database = database;
        _pickDue = AccountLinkSql.PickDueRequest(database.Dialect);
    }

    public Task SaveAsync(AccountLinkRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _database.ExecuteAsync(AccountLinkSql.SaveRequest, RequestRow.From(request), cancellationToken);
    }

    public async Task<AccountLinkRequest?> GetAsync(string chatUserId, CancellationToken cancellationToken) =>
        (await _database.QueryAsync<RequestRow>(AccountLinkSql.GetRequest, new { UserId = chatUserId }, cancellationToken).ConfigureAwait(false))
        .FirstOrDefault()?.ToRequest();

    public Task<AccountLinkRequest?> ClaimDueAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        _database.WriteAsync<AccountLinkRequest?>(
            async (connection, transaction) =>
            {
                var row = await connection.QuerySingleOrDefaultAsync<RequestRow>(
                    new CommandDefinition(_pickDue, new { Now = SqlValues.Timestamp(now) }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
                if (row is null)
                {
                    return null;
                }

                var request = row.ToRequest();
                var claimed = request with { NextPollAt = now + request.Interval };
                var moved = new { UserId = claimed.ChatUserId, claimed.DeviceCode, NextPollAt = SqlValues.Timestamp(claimed.NextPollAt) };
                await connection.ExecuteAsync(new CommandDefinition(AccountLinkSql.MoveNextPoll, moved, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
                return claimed;
            },
            cancellationToken);

    public Task RescheduleAsync(AccountLinkRequest request, TimeSpan interval, DateTimeOffset nextPollAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var parameters = new
        {
            UserId = request.ChatUserId,
            request.DeviceCode,
            IntervalSeconds = (long)Math.Ceiling(interval.TotalSeconds),
            NextPollAt = SqlValues.Timestamp(nextPollAt),
        };
        return _database.ExecuteAsync(AccountLinkSql.Reschedule, parameters, cancellationToken);
    }

    public Task RemoveAsync(AccountLinkRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _database.ExecuteAsync(AccountLinkSql.RemoveRequest, new { UserId = request.ChatUserId, request.DeviceCode }, cancellationToken);
    }

    public async Task<DateTimeOffset?> NextPollAtAsync(CancellationToken cancellationToken) =>
        SqlValues.ParseTimestampOrNull(await _database.ScalarAsync<string?>(AccountLinkSql.NextPollAt, null, cancellationToken).ConfigureAwait(false));

    private sealed record RequestRow
    {
        public string ChatUserId { get; init; } = "";
        public string GitHubLogin { get; init; } = "";
        public string DeviceCode { get; init; } = "";
        public string UserCode { get; init; } = "";
        public string VerificationUri { get; init; } = "";
        public long IntervalSeconds { get; init; }
        public string NextPollAt { get; init; } = "";
        public string ExpiresAt { get; init; } = "";
        public string RequestedAt { get; init; } = "";

        public static RequestRow From(AccountLinkRequest request) => new()
        {
            ChatUserId = request.ChatUserId,
            GitHubLogin = request.GitHubLogin,
            DeviceCode = request.DeviceCode,
            UserCode = request.UserCode,
            VerificationUri = request.VerificationUri.AbsoluteUri,
            IntervalSeconds = (long)Math.Ceiling(request.Interval.TotalSeconds),
            NextPollAt = SqlValues.Timestamp(request.NextPollAt),
            ExpiresAt = SqlValues.Timestamp(request.ExpiresAt),
            RequestedAt = SqlValues.Timestamp(request.RequestedAt),
        };

        public AccountLinkRequest ToRequest() => new(
            ChatUserId,
            GitHubLogin,
            DeviceCode,
            UserCode,
            new Uri(VerificationUri),
            TimeSpan.FromSeconds(IntervalSeconds),
            SqlValues.ParseTimestamp(NextPollAt),
            SqlValues.ParseTimestamp(ExpiresAt),
            SqlValues.ParseTimestamp(RequestedAt));
    }
}
