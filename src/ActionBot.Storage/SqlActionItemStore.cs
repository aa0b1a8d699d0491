using ActionBot.Core.Ports;
using ActionBot.Core.Tracking;
using Dapper;

namespace ActionBot.Storage;

/// <summary>
/// <see cref="IActionItemStore"/> in SQL both SQLite and PostgreSQL run: explicit statements through Dapper, every
/// value a parameter. <see cref="Sqlite.SqliteActionItemStore"/> and <see cref="Postgres.PostgresActionItemStore"/>
/// only say which database.
/// </summary>
public abstract class SqlActionItemStore(StorageDatabase database, TimeProvider time) : IActionItemStore
{
    public async Task SavePostmortemAsync(TrackedPostmortem postmortem, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(postmortem);
        await WriteAsync(ItemSql.UpsertPostmortem, PostmortemRow.From(postmortem), cancellationToken).ConfigureAwait(false);
    }

    public async Task<TrackedPostmortem?> GetPostmortemAsync(string repository, string path, CancellationToken cancellationToken)
    {
        var rows = await QueryAsync<PostmortemRow>(ItemSql.SelectPostmortem, new { Repository = repository, Path = path }, cancellationToken).ConfigureAwait(false);
        return rows.Count == 0 ? null : rows[0].ToPostmortem();
    }

    public async Task<IReadOnlyList<TrackedItem>> GetItemsAsync(string repository, string path, CancellationToken cancellationToken) =>
        ToItems(await QueryAsync<ItemRow>(ItemSql.SelectItemsOfPostmortem, new { Repository = repository, Path = path }, cancellationToken).ConfigureAwait(false));

    public async Task UpsertItemsAsync(IReadOnlyList<TrackedItem> items, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        if (items.Count == 0)
        {
            return;
        }

        var now = time.GetUtcNow();
        await WriteAsync(ItemSql.UpsertItem, items.Select(i => ItemRow.From(i, now)).ToList(), cancellationToken).ConfigureAwait(false);
    }

    public async Task SaveReadingAsync(TrackedPostmortem postmortem, IReadOnlyList<TrackedItem> items, IReadOnlyList<PendingEffect> effects, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(postmortem);
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(effects);
        var now = time.GetUtcNow();
        await database.WriteAsync(
            async (connection, transaction) =>
            {
                await connection.ExecuteAsync(new CommandDefinition(ItemSql.UpsertPostmortem, PostmortemRow.From(postmortem), transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
                await connection.ExecuteAsync(new CommandDefinition(ItemSql.UpsertItem, items.Select(i => ItemRow.From(i, now)).ToList(), transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
                return await connection.ExecuteAsync(new CommandDefinition(PendingEffectRow.Insert, effects.Select(PendingEffectRow.From).ToList(), transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            },
            cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<PendingEffect>> GetPendingEffectsAsync(CancellationToken cancellationToken) =>
        (await QueryAsync<PendingEffectRow>(PendingEffectRow.SelectAll, null, cancellationToken).ConfigureAwait(false)).Select(row => row.ToEffect()).ToList();

    public Task CompleteEffectAsync(string key, CancellationToken cancellationToken) => WriteAsync(PendingEffectRow.Delete, new { Key = key }, cancellationToken);

    public async Task MarkIssueAttemptAsync(string key, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var changed = await WriteAsync(ItemSql.MarkIssueAttempt, new { Key = key, At = SqlValues.Timestamp(at) }, cancellationToken).ConfigureAwait(false);
        EnsureKnown(changed, key);
    }

    public async Task RecordIssueAsync(string key, IssueRef issue, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(issue);
        var parameters = new { Key = key, issue.Number, issue.Url, issue.Id, Now = SqlValues.Timestamp(time.GetUtcNow()) };
        EnsureKnown(await WriteAsync(ItemSql.RecordIssue, parameters, cancellationToken).ConfigureAwait(false), key);
    }

    public async Task MarkAttachAttemptAsync(string key, DateTimeOffset at, CancellationToken cancellationToken) =>
        EnsureKnown(await WriteAsync(ItemSql.MarkAttachAttempt, new { Key = key, At = SqlValues.Timestamp(at) }, cancellationToken).ConfigureAwait(false), key);

    public async Task RecordAttachedAsync(string key, DateTimeOffset at, CancellationToken cancellationToken) =>
        EnsureKnown(await WriteAsync(ItemSql.RecordAttached, new { Key = key, At = SqlValues.Timestamp(at) }, cancellationToken).ConfigureAwait(false), key);

    public async Task<bool> SaveTrackingAsync(string repository, string path, TrackingRecord tracking, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tracking);
        return await WriteAsync(ItemSql.SaveTracking, PostmortemRow.TrackingParameters(repository, path, tracking), cancellationToken).ConfigureAwait(false) > 0;
    }

    public async Task<IReadOnlyList<TrackedPostmortem>> GetPostmortemsAwaitingTrackingAsync(CancellationToken cancellationToken) =>
        (await QueryAsync<PostmortemRow>(ItemSql.SelectAwaitingTracking, null, cancellationToken).ConfigureAwait(false)).Select(r => r.ToPostmortem()).ToList();

    public async Task<TrackedItem?> GetItemByIssueAsync(string issueRepository, int issueNumber, CancellationToken cancellationToken)
    {
        var rows = await QueryAsync<ItemRow>(ItemSql.SelectItemByIssue, new { IssueRepository = issueRepository, Number = issueNumber }, cancellationToken).ConfigureAwait(false);
        return rows.Count == 0 ? null : rows[0].ToItem();
    }

    public async Task<bool> SetIssueStateAsync(string issueRepository, int issueNumber, ItemState state, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var parameters = new { IssueRepository = issueRepository, Number = issueNumber, State = SqlValues.State(state), At = SqlValues.Timestamp(at) };
        return await WriteAsync(ItemSql.SetIssueState, parameters, cancellationToken).ConfigureAwait(false) > 0;
    }

    public async Task<bool> SetIssueOwnersAsync(string issueRepository, int issueNumber, IReadOnlyList<string> owners, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var parameters = new { IssueRepository = issueRepository, Number = issueNumber, Owners = SqlValues.Owners(owners), At = SqlValues.Timestamp(at) };
        return await WriteAsync(ItemSql.SetIssueOwners, parameters, cancellationToken).ConfigureAwait(false) > 0;
    }

    public async Task<IReadOnlyList<TrackedItem>> QueryItemsAsync(ItemQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var (sql, parameters) = ItemSql.Query(query, database.Dialect);
        return ToItems(await QueryAsync<ItemRow>(sql, parameters, cancellationToken).ConfigureAwait(false));
    }

    public async Task<ItemPage> PageItemsAsync(ItemQuery query, ItemPosition? after, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var (sql, parameters) = ItemSql.Page(query, after, limit, database.Dialect);
        return ItemPage.Of(ToItems(await QueryAsync<ItemRow>(sql, parameters, cancellationToken).ConfigureAwait(false)), limit);
    }

    public async Task<IReadOnlyList<ItemSummary>> ListItemSummariesAsync(CancellationToken cancellationToken) =>
        (await QueryAsync<ItemSummaryRow>(ItemSql.SelectSummaries, null, cancellationToken).ConfigureAwait(false)).Select(r => r.ToSummary()).ToList();

    public async Task<IReadOnlyList<TrackedItem>> GetItemsAwaitingIssueAsync(CancellationToken cancellationToken) =>
        ToItems(await QueryAsync<ItemRow>(ItemSql.SelectAwaitingIssue, null, cancellationToken).ConfigureAwait(false));

    public async Task<bool> SnoozeAsync(string key, DateTimeOffset until, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var parameters = new { Key = key, Until = SqlValues.Timestamp(until), At = SqlValues.Timestamp(at) };
        return await WriteAsync(ItemSql.Snooze, parameters, cancellationToken).ConfigureAwait(false) > 0;
    }

    public async Task<IReadOnlyList<TrackedPostmortem>> ListPostmortemsAsync(string? repository, CancellationToken cancellationToken)
    {
        var rows = await QueryAsync<PostmortemRow>(ItemSql.SelectPostmortems, new { Repository = repository }, cancellationToken).ConfigureAwait(false);
        return rows.Select(row => row.ToPostmortem()).ToList();
    }

    public async Task<IReadOnlyList<string>> GetIssueRepositoriesAsync(CancellationToken cancellationToken) =>
        await QueryAsync<string>(ItemSql.SelectIssueRepositories, null, cancellationToken).ConfigureAwait(false);

    private static List<TrackedItem> ToItems(IReadOnlyList<ItemRow> rows) => rows.Select(r => r.ToItem()).ToList();

    // An unknown key means a caller's bug (items are upserted before their issue is opened): say so loudly.
    private static void EnsureKnown(int changed, string key)
    {
        if (changed == 0)
        {
            throw new InvalidOperationException($"No tracked item has the key '{key}'.");
        }
    }

    private async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, object? parameters, CancellationToken cancellationToken) =>
        await database.QueryAsync<T>(sql, parameters, cancellationToken).ConfigureAwait(false);

    private Task<int> WriteAsync(string sql, object parameters, CancellationToken cancellationToken) => database.ExecuteAsync(sql, parameters, cancellationToken);
}
