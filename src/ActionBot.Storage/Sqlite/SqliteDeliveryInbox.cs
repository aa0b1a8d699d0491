using System.Runtime.InteropServices;
using ActionBot.Core.Ports;
using Dapper;
using Microsoft.Data.Sqlite;

namespace ActionBot.Storage.Sqlite;

/// <summary>
/// <see cref="IDeliveryInbox"/> on SQLite. The webhook acknowledgement waits on <see cref="TryAddAsync"/>, so the
/// inbox keeps one connection open with its INSERT prepared once: a delivery costs one statement and one WAL
/// append, with no connection set-up or SQL parsing per request. Writes go through the factory's write gate.
/// </summary>
public sealed class SqliteDeliveryInbox(SqliteConnectionFactory connections) : IDeliveryInbox, IDisposable
{
    private SqliteConnection? _connection;
    private SqliteCommand? _insert;

    public async Task<bool> TryAddAsync(InboxDelivery delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        return await UseAsync(async (connection, ct) =>
        {
            var insert = _insert ??= PrepareInsert(connection);
            insert.Parameters[0].Value = delivery.Id;
            insert.Parameters[1].Value = delivery.Event;
            insert.Parameters[2].Value = (object?)delivery.Action ?? DBNull.Value;
            insert.Parameters[3].Value = (object?)delivery.Repository ?? DBNull.Value;
            insert.Parameters[4].Value = SqlValues.Timestamp(delivery.ReceivedAt);
            insert.Parameters[5].Value = delivery.Attempts;
            insert.Parameters[6].Value = AsArray(delivery.Body);
            return await insert.ExecuteNonQueryAsync(ct).ConfigureAwait(false) == 1;
        }, cancellationToken).ConfigureAwait(false);
    }

    public async Task<InboxDelivery?> ClaimNextAsync(DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken)
    {
        var parameters = new { Now = SqlValues.Timestamp(now), LeaseUntil = SqlValues.Timestamp(now + lease) };
        var row = await UseAsync((connection, ct) => connection.QuerySingleOrDefaultAsync<DeliveryRow>(
            new CommandDefinition(InboxSql.ClaimNext, parameters, cancellationToken: ct)), cancellationToken).ConfigureAwait(false);
        return row?.ToDelivery();
    }

    public Task CompleteAsync(string id, DateTimeOffset at, CancellationToken cancellationToken) =>
        ChangeAsync(InboxSql.Complete, new { Id = id, At = SqlValues.Timestamp(at), EmptyBody = Array.Empty<byte>() }, id, cancellationToken);

    public Task RetryLaterAsync(string id, string reason, DateTimeOffset retryAt, CancellationToken cancellationToken) =>
        ChangeAsync(InboxSql.RetryLater, new { Id = id, Reason = reason, RetryAt = SqlValues.Timestamp(retryAt) }, id, cancellationToken);

    public Task FailAsync(string id, string reason, DateTimeOffset at, CancellationToken cancellationToken) =>
        ChangeAsync(InboxSql.Fail, new { Id = id, Reason = reason, At = SqlValues.Timestamp(at) }, id, cancellationToken);

    public Task<int> CountPendingAsync(CancellationToken cancellationToken) =>
        UseAsync((connection, ct) => connection.ExecuteScalarAsync<int>(new CommandDefinition(InboxSql.CountPending, cancellationToken: ct)), cancellationToken);

    /// <summary>Closes the inbox's connection (at shutdown, when no request uses it any more).</summary>
    public void Dispose() => Reset();

    private async Task ChangeAsync(string sql, object parameters, string id, CancellationToken cancellationToken)
    {
        var changed = await UseAsync((connection, ct) => connection.ExecuteAsync(new CommandDefinition(sql, parameters, cancellationToken: ct)), cancellationToken).ConfigureAwait(false);
        if (changed == 0)
        {
            throw new InvalidOperationException($"No webhook delivery has the id '{id}'.");
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
        _connection?.Dispose();
        _connection = null;
    }

    private static SqliteCommand PrepareInsert(SqliteConnection connection)
    {
        var command = connection.CreateCommand();
        command.CommandText = InboxSql.Insert;
        command.Parameters.Add("@Id", SqliteType.Text);
        command.Parameters.Add("@Event", SqliteType.Text);
        command.Parameters.Add("@Action", SqliteType.Text);
        command.Parameters.Add("@Repository", SqliteType.Text);
        command.Parameters.Add("@ReceivedAt", SqliteType.Text);
        command.Parameters.Add("@Attempts", SqliteType.Integer);
        command.Parameters.Add("@Body", SqliteType.Blob);
        command.Prepare();
        return command;
    }

    // The body is usually a whole array already; only a slice of a larger buffer is copied.
    private static byte[] AsArray(ReadOnlyMemory<byte> body) =>
        MemoryMarshal.TryGetArray(body, out var segment) && segment.Offset == 0 && segment.Count == segment.Array!.Length
            ? segment.Array
            : body.ToArray();
}
