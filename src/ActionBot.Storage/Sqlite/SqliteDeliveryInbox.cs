using ActionBot.Core.Ports;
using Dapper;
using Microsoft.Data.Sqlite;

namespace ActionBot.Storage.Sqlite;

/// <summary>
/// <see cref="IDeliveryInbox"/> on SQLite. The webhook acknowledgement waits on <see cref="TryAddAsync"/>, so the
/// inbox keeps one connection open with its statements prepared once: a delivery costs one transaction and one WAL
/// append, with no connection set-up or SQL parsing per request. The worker's claim and completion run once per
/// delivery too (in batches: one transaction claims several, one completes several; claims named after its
/// <see cref="ClaimOwner"/>), under the same write gate, so
/// they are prepared once as well: an acknowledgement that waits at
/// the gate behind them waits less. Bodies live in <c>webhook_delivery_bodies</c>, written once with their
/// delivery, so the claim and the completion change only a small row. Writes go through the factory's write gate.
/// </summary>
public sealed class SqliteDeliveryInbox(SqliteConnectionFactory connections, ClaimOwner? owner = null) : IDeliveryInbox, IDisposable
{
    private readonly Func<string> _owner = ClaimOwner.NamesOf(owner);
    private SqliteConnection? _connection;
    private SqliteCommand? _insert;
    private SqliteCommand? _insertBody;
    private SqliteCommand? _claim;
    private SqliteCommand? _selectBody;
    private SqliteCommand? _complete;
    private SqliteCommand? _deleteBody;

    public async Task<bool> TryAddAsync(InboxDelivery delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        return await UseAsync((connection, ct) =>
        {
            var insert = _insert ??= PrepareInsert(connection);
            var insertBody = _insertBody ??= Prepare(connection, InboxSql.InsertBody, ("@Id", SqliteType.Text), ("@Body", SqliteType.Blob));
            ct.ThrowIfCancellationRequested();

            // Both rows or neither; past this point the write is not abandoned halfway for a cancelled request.
            using var transaction = connection.BeginTransaction(deferred: false);
            insert.Transaction = transaction;
            insert.Parameters[0].Value = delivery.Id;
            insert.Parameters[1].Value = delivery.Event;
            insert.Parameters[2].Value = (object?)delivery.Action ?? DBNull.Value;
            insert.Parameters[3].Value = (object?)delivery.Repository ?? DBNull.Value;
            insert.Parameters[4].Value = SqlValues.Timestamp(delivery.ReceivedAt);
            insert.Parameters[5].Value = delivery.Attempts;
            if (insert.ExecuteNonQuery() == 0)
            {
                return Task.FromResult(false); // a duplicate: the first body stays, nothing is written
            }

            insertBody.Transaction = transaction;
            insertBody.Parameters[0].Value = delivery.Id;
            insertBody.Parameters[1].Value = SqlValues.Blob(delivery.Body);
            insertBody.ExecuteNonQuery();
            transaction.Commit();
            return Task.FromResult(true);
        }, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<InboxDelivery>> ClaimBatchAsync(DateTimeOffset now, TimeSpan lease, int max, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        var rows = await UseAsync((connection, ct) =>
        {
            var claim = _claim ??= Prepare(connection, InboxSql.ClaimBatch, ("@Now", SqliteType.Text), ("@LeaseUntil", SqliteType.Text), ("@Max", SqliteType.Integer), ("@Owner", SqliteType.Text));
            var selectBody = _selectBody ??= Prepare(connection, InboxSql.SelectBody, ("@Id", SqliteType.Text));
            ct.ThrowIfCancellationRequested();

            // The claims and the reads of their bodies commit together: a claim is never left without its body handed
            // over (an error in between rolls the claims back, instead of hiding the deliveries for a whole lease).
            using var transaction = connection.BeginTransaction(deferred: false);
            claim.Transaction = transaction;
            claim.Parameters[0].Value = SqlValues.Timestamp(now);
            claim.Parameters[1].Value = SqlValues.Timestamp(now + lease);
            claim.Parameters[2].Value = max;
            claim.Parameters[3].Value = _owner();
            var rows = new List<DeliveryRow>();
            using (var reader = claim.ExecuteReader())
            {
                // RETURNING columns, in InboxSql.ClaimBatch's order.
                while (reader.Read())
                {
                    rows.Add(new DeliveryRow
                    {
                        Id = reader.GetString(0),
                        Event = reader.GetString(1),
                        Action = reader.IsDBNull(2) ? null : reader.GetString(2),
                        Repository = reader.IsDBNull(3) ? null : reader.GetString(3),
                        ReceivedAt = reader.GetString(4),
                        Attempts = reader.GetInt64(5),
                    });
                }
            }

            selectBody.Transaction = transaction;
            foreach (var row in rows)
            {
                selectBody.Parameters[0].Value = row.Id;
                using var reader = selectBody.ExecuteReader();

                // Missing only if someone deleted it by hand: the processor then sees an empty body and fails the
                // delivery through the usual retries, visibly, instead of the worker stopping on every claim.
                row.Body = reader.Read() ? reader.GetFieldValue<byte[]>(0) : [];
            }

            transaction.Commit();
            return Task.FromResult(rows);
        }, cancellationToken).ConfigureAwait(false);
        return DeliveryRow.InArrivalOrder(rows);
    }

    public async Task CompleteAsync(IReadOnlyCollection<string> ids, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var unknown = await UseAsync((connection, ct) =>
        {
            var complete = _complete ??= Prepare(connection, InboxSql.Complete, ("@Id", SqliteType.Text), ("@At", SqliteType.Text));
            var deleteBody = _deleteBody ??= Prepare(connection, InboxSql.DeleteBody, ("@Id", SqliteType.Text));
            ct.ThrowIfCancellationRequested();

            // Each status and its body's removal commit together, and the batch in one commit (one WAL append): a
            // done delivery never keeps a body, and a crash before the commit leaves them claimed with their bodies,
            // to be processed again after their lease.
            using var transaction = connection.BeginTransaction(deferred: false);
            complete.Transaction = transaction;
            deleteBody.Transaction = transaction;
            complete.Parameters[1].Value = SqlValues.Timestamp(at);
            var unknown = new List<string>();
            foreach (var id in ids)
            {
                complete.Parameters[0].Value = id;
                if (complete.ExecuteNonQuery() == 0)
                {
                    unknown.Add(id);
                    continue;
                }

                deleteBody.Parameters[0].Value = id;
                deleteBody.ExecuteNonQuery();
            }

            transaction.Commit();
            return Task.FromResult(unknown);
        }, cancellationToken).ConfigureAwait(false);
        if (unknown.Count > 0)
        {
            throw DeliveryRow.Unknown(unknown);
        }
    }

    public Task RetryLaterAsync(string id, string reason, DateTimeOffset retryAt, CancellationToken cancellationToken) =>
        ChangeAsync(InboxSql.RetryLater, new { Id = id, Reason = reason, RetryAt = SqlValues.Timestamp(retryAt) }, id, cancellationToken);

    public Task FailAsync(string id, string reason, DateTimeOffset at, CancellationToken cancellationToken) =>
        ChangeAsync(InboxSql.Fail, new { Id = id, Reason = reason, At = SqlValues.Timestamp(at) }, id, cancellationToken);

    // Each batch is its own short turn at the write gate: acknowledgements wait behind one batch at most.
    public Task<int> PruneDoneAsync(DateTimeOffset completedBefore, CancellationToken cancellationToken) =>
        InboxSql.PruneInBatchesAsync(
            parameters => UseAsync((connection, ct) => connection.ExecuteAsync(new CommandDefinition(InboxSql.PruneDone, parameters, cancellationToken: ct)), cancellationToken),
            completedBefore);

    public Task<int> CountPendingAsync(CancellationToken cancellationToken) =>
        UseAsync((connection, ct) => connection.ExecuteScalarAsync<int>(new CommandDefinition(InboxSql.CountPending, cancellationToken: ct)), cancellationToken);

    /// <summary>Closes the inbox's connection (at shutdown, when no request uses it any more).</summary>
    public void Dispose() => Reset();

    private async Task ChangeAsync(string sql, object parameters, string id, CancellationToken cancellationToken)
    {
        var changed = await UseAsync((connection, ct) => connection.ExecuteAsync(new CommandDefinition(sql, parameters, cancellationToken: ct)), cancellationToken).ConfigureAwait(false);
        if (changed == 0)
        {
            throw DeliveryRow.Unknown([id]);
        }
    }

    /// <summary>Runs <paramref name="work"/> on the inbox's connection, alone among this process's writers.</summary>
    private async Task<T> UseAsync<T>(Func<SqliteConnection, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        await connections.WriteGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            _connection ??= await connections.OpenAsync(cancellationToken).ConfigureAwait(false);
            return await work(_connection, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The connection may be what failed (file replaced, I/O error): the next call starts afresh.
            Reset();
            throw;
        }
        finally
        {
            connections.WriteGate.Release();
        }
    }

    private void Reset()
    {
        _insert?.Dispose();
        _insert = null;
        _insertBody?.Dispose();
        _insertBody = null;
        _claim?.Dispose();
        _claim = null;
        _selectBody?.Dispose();
        _selectBody = null;
        _complete?.Dispose();
        _complete = null;
        _deleteBody?.Dispose();
        _deleteBody = null;
        _connection?.Dispose();
        _connection = null;
    }

    private static SqliteCommand PrepareInsert(SqliteConnection connection) =>
        Prepare(
            connection,
            InboxSql.Insert,
            ("@Id", SqliteType.Text),
            ("@Event", SqliteType.Text),
            ("@Action", SqliteType.Text),
            ("@Repository", SqliteType.Text),
            ("@ReceivedAt", SqliteType.Text),
            ("@Attempts", SqliteType.Integer));

    /// <summary>A command on the inbox's connection, compiled once and then only re-bound and re-run.</summary>
    private static SqliteCommand Prepare(SqliteConnection connection, string sql, params (string Name, SqliteType Type)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, type) in parameters)
        {
            command.Parameters.Add(name, type);
        }

        command.Prepare();
        return command;
    }
}
