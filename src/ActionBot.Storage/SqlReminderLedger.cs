using System.Runtime.CompilerServices;
using ActionBot.Core.Ports;
using Dapper;

namespace ActionBot.Storage;

/// <summary>
/// <see cref="IReminderLedger"/> in SQL both providers run. Open items stream from one unbuffered query, so a sweep
/// over 100,000 items holds one row at a time; records go in one write transaction, each guarded by the log's
/// primary key. <see cref="Sqlite.SqliteReminderLedger"/> and <see cref="Postgres.PostgresReminderLedger"/> only say
/// which database.
/// </summary>
public abstract class SqlReminderLedger : IReminderLedger
{
    private readonly StorageDatabase _database;

    private protected SqlReminderLedger(StorageDatabase database) => _database = database;

    public async IAsyncEnumerable<ReminderCandidate> OpenItemsAsync(DateOnly dueBy, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var connection = await _database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
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

        // In key order: two PostgreSQL transactions inserting overlapping keys then wait for each other in one
        // order and never deadlock.
        var ordered = records.OrderBy(r => r.ItemKey, StringComparer.Ordinal).ThenBy(r => r.Kind).ThenBy(r => r.Slot, StringComparer.Ordinal).ToList();
        var timestamp = SqlValues.Timestamp(at);
        return await _database.WriteAsync(
            async (connection, transaction) =>
            {
                var added = 0;
                foreach (var record in ordered)
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

                return added;
            },
            cancellationToken).ConfigureAwait(false);
    }
}
