using System.Runtime.CompilerServices;
using ActionBot.Core.Ports;
using Dapper;

namespace ActionBot.Storage.Sqlite;

/// <summary>
/// <see cref="IReminderLedger"/> on SQLite. Open items stream from one unbuffered query, so a sweep over 100,000 items
/// holds one row at a time; records go in one BEGIN IMMEDIATE transaction, each guarded by the log's primary key.
/// </summary>
public sealed class SqliteReminderLedger(SqliteConnectionFactory connections) : IReminderLedger
{
    public async IAsyncEnumerable<ReminderCandidate> OpenItemsAsync(DateOnly dueBy, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var connection = await connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var rows = connection.QueryUnbufferedAsync<ReminderCandidateRow>(ReminderSql.SelectOpenItems, new { DueBy = SqlValues.Date(dueBy) });
            await foreach (var row in rows.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                yield return row.ToCandidate();
            }
        }
    }

    public async Task<int> RecordAsync(IReadOnlyList<ReminderRecord> records, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);
        if (records.Count == 0)
        {
            return 0;
        }

        var timestamp = SqlValues.Timestamp(at);
        await connections.WriteGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var connection = await connections.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using (connection.ConfigureAwait(false))
            {
                var transaction = connection.BeginTransaction(deferred: false);
                await using (transaction.ConfigureAwait(false))
                {
                    var added = 0;
                    foreach (var record in records)
                    {
                        var log = new CommandDefinition(ReminderSql.InsertLog, ReminderSql.LogParameters(record, timestamp), transaction, cancellationToken: cancellationToken);
                        if (await connection.ExecuteAsync(log).ConfigureAwait(false) == 0)
                        {
                            continue; // recorded before: by an earlier sweep or another replica
                        }

                        var (sql, parameters) = ReminderSql.StateUpdate(record, timestamp);
                        await connection.ExecuteAsync(new CommandDefinition(sql, parameters, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
                        added++;
                    }

                    await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                    return added;
                }
            }
        }
        finally
        {
            connections.WriteGate.Release();
        }
    }
}
