using ActionBot.Core.Ports;
using Dapper;

namespace ActionBot.Storage.Postgres;

/// <summary>
/// <see cref="IDeliveryInbox"/> on PostgreSQL, for several replicas sharing one database: an id is stored once
/// (ON CONFLICT), and each delivery is claimed by one worker at a time (a lease, taken with FOR UPDATE SKIP LOCKED
/// so claimers never queue behind each other), named after its <see cref="ClaimOwner"/> (without one, a name of its own). Bodies live in <c>webhook_delivery_bodies</c> while their delivery
/// is waiting or failed. Every call is one statement on a pooled connection (pruning: one per batch).
/// </summary>
public sealed class PostgresDeliveryInbox(PostgresDatabase database, ClaimOwner? owner = null) : IDeliveryInbox
{
    private readonly Func<string> _owner = ClaimOwner.NamesOf(owner);

    public async Task<bool> TryAddAsync(InboxDelivery delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var row = new
        {
            delivery.Id,
            delivery.Event,
            delivery.Action,
            delivery.Repository,
            ReceivedAt = SqlValues.Timestamp(delivery.ReceivedAt),
            delivery.Attempts,
            Body = SqlValues.Blob(delivery.Body),
        };
        return await ExecuteAsync(PostgresInboxSql.Insert, row, cancellationToken).ConfigureAwait(false) == 1;
    }

    public async Task<IReadOnlyList<InboxDelivery>> ClaimBatchAsync(DateTimeOffset now, TimeSpan lease, int max, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        var parameters = new { Now = SqlValues.Timestamp(now), LeaseUntil = SqlValues.Timestamp(now + lease), Max = max, Owner = _owner() };
        var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var rows = await connection.QueryAsync<DeliveryRow>(
                new CommandDefinition(PostgresInboxSql.ClaimBatch, parameters, cancellationToken: cancellationToken)).ConfigureAwait(false);
            return DeliveryRow.InArrivalOrder(rows);
        }
    }

    public async Task CompleteAsync(IReadOnlyCollection<string> ids, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var completed = (await connection.QueryAsync<string>(
                new CommandDefinition(PostgresInboxSql.Complete, new { Ids = ids.ToArray(), At = SqlValues.Timestamp(at) }, cancellationToken: cancellationToken)).ConfigureAwait(false)).ToHashSet(StringComparer.Ordinal);
            if (ids.Where(id => !completed.Contains(id)).ToList() is { Count: > 0 } unknown)
            {
                throw DeliveryRow.Unknown(unknown);
            }
        }
    }

    public Task RetryLaterAsync(string id, string reason, DateTimeOffset retryAt, CancellationToken cancellationToken) =>
        ChangeAsync(InboxSql.RetryLater, new { Id = id, Reason = reason, RetryAt = SqlValues.Timestamp(retryAt) }, id, cancellationToken);

    public Task FailAsync(string id, string reason, DateTimeOffset at, CancellationToken cancellationToken) =>
        ChangeAsync(InboxSql.Fail, new { Id = id, Reason = reason, At = SqlValues.Timestamp(at) }, id, cancellationToken);

    public Task<int> PruneDoneAsync(DateTimeOffset completedBefore, CancellationToken cancellationToken) =>
        InboxSql.PruneInBatchesAsync(parameters => ExecuteAsync(PostgresInboxSql.PruneDone, parameters, cancellationToken), completedBefore);

    public async Task<int> CountPendingAsync(CancellationToken cancellationToken)
    {
        var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            return await connection.ExecuteScalarAsync<int>(new CommandDefinition(InboxSql.CountPending, cancellationToken: cancellationToken)).ConfigureAwait(false);
        }
    }

    private async Task ChangeAsync(string sql, object parameters, string id, CancellationToken cancellationToken)
    {
        if (await ExecuteAsync(sql, parameters, cancellationToken).ConfigureAwait(false) == 0)
        {
            throw DeliveryRow.Unknown([id]);
        }
    }

    private async Task<int> ExecuteAsync(string sql, object parameters, CancellationToken cancellationToken)
    {
        var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            return await connection.ExecuteAsync(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken)).ConfigureAwait(false);
        }
    }
}
