using ActionBot.Core.Ports;

namespace ActionBot.Storage;

/// <summary>
/// The statements of <see cref="SqlActionItemStore"/>, shared by SQLite and PostgreSQL (both have ON CONFLICT ... DO
/// UPDATE and RETURNING). Values are always parameters; only fixed fragments are joined.
/// </summary>
internal static class ItemSql
{
    public const string UpsertPostmortem = """
        INSERT INTO postmortems (repository, path, issue_repository, commit_sha, pull_request, pull_request_url, author, title, postmortem_date, merged_at, file_url)
        VALUES (@Repository, @Path, @IssueRepository, @CommitSha, @PullRequest, @PullRequestUrl, @Author, @Title, @Date, @MergedAt, @FileUrl)
        ON CONFLICT (repository, path) DO UPDATE SET
            issue_repository = excluded.issue_repository, commit_sha = excluded.commit_sha, pull_request = excluded.pull_request,
            pull_request_url = excluded.pull_request_url, author = excluded.author, title = excluded.title,
            postmortem_date = excluded.postmortem_date, merged_at = excluded.merged_at, file_url = excluded.file_url
        """;

    public const string SelectPostmortem = "SELECT " + PostmortemRow.Columns + " FROM postmortems WHERE repository = @Repository AND path = @Path";

    // Every tracking column at once: the keeper holds the ingestion lease, so what it read is what it replaces.
    public const string SaveTracking = """
        UPDATE postmortems SET tracking_requested_at = @RequestedAt, tracking_attempted_at = @AttemptedAt,
            tracking_issue_repository = @IssueRepository, tracking_issue_number = @Number, tracking_issue_url = @Url,
            tracking_state = @State, tracking_body_hash = @BodyHash
        WHERE repository = @Repository AND path = @Path
        """;

    // Decided on and not finished: not opened yet, or an item's issue (still in the postmortem) not attached yet.
    public const string SelectAwaitingTracking = "SELECT " + PostmortemRow.Columns + """
         FROM postmortems p
        WHERE p.tracking_requested_at IS NOT NULL
          AND (p.tracking_issue_number IS NULL OR EXISTS (
                SELECT 1 FROM action_items i
                WHERE i.repository = p.repository AND i.path = p.path
                  AND i.issue_number IS NOT NULL AND i.removed = 0 AND i.attached_at IS NULL))
        ORDER BY p.merged_at, p.repository, p.path
        """;

    // A known item takes the new wording and fields; its issue, attempt, state and history stay as recorded.
    // Its issue repository too, once an issue exists: the issue lives where it was opened.
    public const string UpsertItem = """
        INSERT INTO action_items (item_key, repository, path, issue_repository, item_id, title, details, section, owners, due, priority, kind, line,
                                  issue_number, issue_url, issue_attempted_at, state, removed, created_at, updated_at, closed_at,
                                  issue_id, attach_attempted_at, attached_at, backfilled_at)
        VALUES (@Key, @Repository, @Path, @IssueRepository, @ItemId, @Title, @Details, @Section, @Owners, @Due, @Priority, @Kind, @Line,
                @IssueNumber, @IssueUrl, @IssueAttemptedAt, @State, @Removed, @CreatedAt, @UpdatedAt, @ClosedAt,
                @IssueId, @AttachAttemptedAt, @AttachedAt, @BackfilledAt)
        ON CONFLICT (item_key) DO UPDATE SET
            repository = excluded.repository, path = excluded.path,
            issue_repository = CASE WHEN action_items.issue_number IS NULL THEN excluded.issue_repository ELSE action_items.issue_repository END,
            item_id = excluded.item_id, title = excluded.title, details = excluded.details, section = excluded.section,
            owners = excluded.owners, due = excluded.due, priority = excluded.priority, kind = excluded.kind, line = excluded.line,
            removed = excluded.removed, updated_at = excluded.updated_at
        """;

    public const string MarkIssueAttempt = "UPDATE action_items SET issue_attempted_at = @At, updated_at = @At WHERE item_key = @Key";

    public const string RecordIssue = """
        UPDATE action_items SET issue_number = @Number, issue_url = @Url, issue_id = COALESCE(@Id, issue_id), updated_at = @Now
        WHERE item_key = @Key
        """;

    public const string MarkAttachAttempt = "UPDATE action_items SET attach_attempted_at = @At WHERE item_key = @Key";

    public const string RecordAttached = "UPDATE action_items SET attached_at = @At WHERE item_key = @Key";

    // Closing again keeps the first close time; a repeated event changes nothing but still finds its item.
    public const string SetIssueState = """
        UPDATE action_items SET
            closed_at = CASE WHEN @State = 'closed' THEN (CASE WHEN state = 'closed' THEN COALESCE(closed_at, @At) ELSE @At END) ELSE NULL END,
            updated_at = CASE WHEN state = @State THEN updated_at ELSE @At END,
            state = @State,
            issue_state_at = @At
        WHERE issue_number = @Number AND lower(issue_repository) = lower(@IssueRepository)
          AND (issue_state_at IS NULL OR issue_state_at <= @At)
        """;

    public const string SetIssueOwners = """
        UPDATE action_items SET owners = @Owners, updated_at = @At
        WHERE issue_number = @Number AND lower(issue_repository) = lower(@IssueRepository)
        """;

    public const string Snooze = "UPDATE action_items SET snoozed_until = @Until, updated_at = @At WHERE item_key = @Key";

    public const string SelectPostmortems = "SELECT " + PostmortemRow.Columns + """
         FROM postmortems WHERE @Repository IS NULL OR lower(repository) = lower(@Repository)
        ORDER BY merged_at DESC, repository, path
        """;

    public const string SelectIssueRepositories = "SELECT DISTINCT issue_repository FROM action_items ORDER BY issue_repository";

    // A page that counts every item reads only what it shows; removed items are history, not work.
    public const string SelectSummaries = """
        SELECT item_key AS Key, repository AS Repository, path AS Path, title AS Title, owners AS Owners, due AS Due, priority AS Priority,
               state AS State, issue_number AS IssueNumber, issue_url AS IssueUrl, created_at AS CreatedAt, updated_at AS UpdatedAt, closed_at AS ClosedAt,
               backfilled_at AS BackfilledAt
        FROM action_items WHERE removed = 0
        """;

    private const string InPostmortemOrder = " ORDER BY repository, path, line, item_key";

    private static readonly string SelectItems = $"SELECT {ItemRow.Columns("action_items")} FROM action_items";

    public static readonly string SelectItemsOfPostmortem = SelectItems + " WHERE repository = @Repository AND path = @Path" + InPostmortemOrder;

    // Closed items need no issue: a task the postmortem already marked done is tracked closed and never opened.
    public static readonly string SelectAwaitingIssue = SelectItems + " WHERE issue_number IS NULL AND removed = 0 AND state = 'open'" + InPostmortemOrder;

    public static readonly string SelectItemByIssue =
        SelectItems + " WHERE issue_number = @Number AND lower(issue_repository) = lower(@IssueRepository)";

    /// <summary>Removed items are listed too (their issues stay open until people close them); callers can filter on <c>Removed</c>.</summary>
    public static (string Sql, object Parameters) Query(ItemQuery query, SqlDialect dialect)
    {
        var filter = Filter.Of(query);
        return (SelectItems + Where(query, dialect, []) + InPostmortemOrder, new { filter.State, filter.Owner, filter.Repository });
    }

    /// <summary>
    /// One page in creation order, one row more than <paramref name="limit"/> to tell whether more remain. Keyset, not
    /// OFFSET: the row value comparison starts the page at its position in an index of 0008 (ix_action_items_created, or ix_action_items_state_created with a state), so a page
    /// costs the same however deep it is, and rows added meanwhile neither repeat nor hide items.
    /// </summary>
    public static (string Sql, object Parameters) Page(ItemQuery query, ItemPosition? after, int limit, SqlDialect dialect)
    {
        var filter = Filter.Of(query);
        var where = Where(query, dialect, after is null ? [] : ["(created_at, item_key) > (@AfterCreatedAt, @AfterKey)"]);
        var parameters = new
        {
            filter.State,
            filter.Owner,
            filter.Repository,
            AfterCreatedAt = after is null ? null : SqlValues.Timestamp(after.CreatedAt),
            AfterKey = after?.Key,
            Limit = limit + 1,
        };
        return (SelectItems + where + " ORDER BY created_at, item_key LIMIT @Limit", parameters);
    }

    private static string Where(ItemQuery query, SqlDialect dialect, List<string> conditions)
    {
        if (query.State != ItemStateFilter.All)
        {
            conditions.Add("state = @State");
        }

        if (!string.IsNullOrWhiteSpace(query.Owner))
        {
            conditions.Add(dialect.OwnerMatches);
        }

        if (!string.IsNullOrWhiteSpace(query.Repository))
        {
            conditions.Add("lower(repository) = lower(@Repository)");
        }

        return conditions.Count == 0 ? "" : " WHERE " + string.Join(" AND ", conditions);
    }

    private sealed record Filter(string State, string? Owner, string? Repository)
    {
        public static Filter Of(ItemQuery query) =>
            new(query.State == ItemStateFilter.Closed ? "closed" : "open", query.Owner?.Trim().TrimStart('@'), query.Repository?.Trim());
    }
}
