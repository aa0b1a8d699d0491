using ActionBot.Core.Ports;
using Dapper;

namespace ActionBot.Storage.Postgres;

/// <summary>
/// <see cref="IDeliveryInbox"/> on PostgreSQL, for several replicas sharing one database: an id is stored once
/// (ON CONFLICT), and each delivery is claimed by one worker at a time (a lease, taken with FOR UPDATE SKIP LOCKED
/// so claimers never queue behind each other). Bodies live in <c>webhook_delivery_bodies</c> while their delivery
/// is waiting or failed. Every call is one statement on a pooled connection (pruning: one per batch).
/// </summary>
public sealed class PostgresDeliveryInbox(PostgresDatabase database) : IDeliveryInbox
{
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

    public async Task<InboxDelivery?> ClaimNextAsync(DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken)
    {
        var parameters = new { Now = SqlValues.Timestamp(now), LeaseUntil = SqlValues.Timestamp(now + lease) };
        var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var row = await connection.QuerySingleOrDefaultAsync<DeliveryRow>(
                new CommandDefinition(PostgresInboxSql.ClaimNext, parameters, cancellationToken: cancellationToken)).ConfigureAwait(false);
            return row?.ToDelivery();
        }
    }

    public async Task CompleteAsync(string id, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var completed = await connection.ExecuteScalarAsync<long>(
                new CommandDefinition(PostgresInboxSql.Complete, new { Id = id, At = SqlValues.Timestamp(at) }, cancellationToken: cancellationToken)).ConfigureAwait(false);
            if (completed == 0)
            {
                throw UnknownDelivery(id);
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
            throw UnknownDelivery(id);
        }
    }

    private static InvalidOperationException UnknownDelivery(string id) => new($"No webhook delivery has the id '{id}'.");

    private async Task<int> ExecuteAsync(string sql, object parameters, CancellationToken cancellationToken)
    {
        var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            return await connection.ExecuteAsync(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken)).ConfigureAwait(false);
        }
    }
}
