using ActionBot.Core.Ports;

namespace ActionBot.Storage;

/// <summary>
/// <see cref="IChatOutbox"/> in SQL both providers run: one row per message key, claimed with a lease by one
/// statement (<see cref="ChatSql.ClaimNext"/>; on PostgreSQL with SKIP LOCKED, so the senders of several replicas
/// claim different messages side by side), named after its <see cref="ClaimOwner"/>. <see cref="Sqlite.SqliteChatOutbox"/> and
/// <see cref="Postgres.PostgresChatOutbox"/> only say which database.
/// </summary>
public abstract class SqlChatOutbox : IChatOutbox
{
    private readonly StorageDatabase _database;
    private readonly Func<string> _owner;
    private readonly string _claimNext;

    private protected SqlChatOutbox(StorageDatabase database, ClaimOwner? owner)
    {
        _database = database;
        _owner = ClaimOwner.NamesOf(owner);
        _claimNext = ChatSql.ClaimNext(database.Dialect);
    }

    public async Task<bool> TryEnqueueAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var parameters = new
        {
            message.Key,
            message.Destination,
            message.Attempts,
            CreatedAt = SqlValues.Timestamp(message.CreatedAt),
            message.Payload,
        };
        return await _database.ExecuteAsync(ChatSql.Enqueue, parameters, cancellationToken).ConfigureAwait(false) == 1;
    }

    public async Task<OutgoingMessage?> ClaimNextAsync(DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken)
    {
        var parameters = new { Now = SqlValues.Timestamp(now), LeaseUntil = SqlValues.Timestamp(now + lease), Owner = _owner() };
        var rows = await _database.WriteQueryAsync<OutboxRow>(_claimNext, parameters, cancellationToken).ConfigureAwait(false);
        return rows.Count == 0 ? null : rows[0].ToMessage();
    }

    public Task MarkSentAsync(string key, DateTimeOffset at, CancellationToken cancellationToken) =>
        ChangeAsync(ChatSql.MarkSent, new { Key = key, At = SqlValues.Timestamp(at) }, key, cancellationToken);

    public Task RetryLaterAsync(string key, string reason, DateTimeOffset retryAt, CancellationToken cancellationToken) =>
        ChangeAsync(ChatSql.RetryLater, new { Key = key, Reason = reason, RetryAt = SqlValues.Timestamp(retryAt) }, key, cancellationToken);

    public Task FailAsync(string key, string reason, DateTimeOffset at, CancellationToken cancellationToken) =>
        ChangeAsync(ChatSql.Fail, new { Key = key, Reason = reason, At = SqlValues.Timestamp(at) }, key, cancellationToken);

    public async Task<int> CountPendingAsync(CancellationToken cancellationToken) =>
        (int)await _database.ScalarAsync<long>(ChatSql.CountPending, null, cancellationToken).ConfigureAwait(false);

    private async Task ChangeAsync(string sql, object parameters, string key, CancellationToken cancellationToken)
    {
        if (await _database.ExecuteAsync(sql, parameters, cancellationToken).ConfigureAwait(false) == 0)
        {
            throw new InvalidOperationException($"No chat message has the key '{key}'.");
        }
    }

    private sealed record OutboxRow
    {
        public string Key { get; init; } = "";
        public string Destination { get; init; } = "";
        public string Payload { get; init; } = "";
        public string CreatedAt { get; init; } = "";
        public long Attempts { get; init; }

        public OutgoingMessage ToMessage() => new(Key, Destination, Payload, SqlValues.ParseTimestamp(CreatedAt), (int)Attempts);
    }
}
