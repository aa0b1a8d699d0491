using ActionBot.Core.Tracking;

namespace ActionBot.Storage;

/// <summary>An <c>action_items</c> row as stored (text timestamps, JSON owners): the parameters of writes and the shape of reads.</summary>
internal class ItemRow
{
    public string Key { get; set; } = "";
    public string Repository { get; set; } = "";
    public string Path { get; set; } = "";
    public string IssueRepository { get; set; } = "";
    public string ItemId { get; set; } = "";
    public string Title { get; set; } = "";
    public string? Details { get; set; }
    public string Section { get; set; } = "";
    public string Owners { get; set; } = "[]";
    public string? Due { get; set; }
    public string? Priority { get; set; }
    public string? Kind { get; set; }
    public long Line { get; set; }
    public long? IssueNumber { get; set; }
    public string? IssueUrl { get; set; }
    public string? IssueAttemptedAt { get; set; }
    public string State { get; set; } = "open";
    public long Removed { get; set; }
    public string CreatedAt { get; set; } = "";
    public string UpdatedAt { get; set; } = "";
    public string? ClosedAt { get; set; }
    public string? SnoozedUntil { get; set; }
    public long? IssueId { get; set; }
    public string? AttachAttemptedAt { get; set; }
    public string? AttachedAt { get; set; }
    public string? BackfilledAt { get; set; }

    /// <summary>SELECT list of an <c>action_items</c> row (aliased <paramref name="table"/>), aliased to this class's properties.</summary>
    public static string Columns(string table) => $"""
        {table}.item_key AS Key, {table}.repository AS Repository, {table}.path AS Path, {table}.issue_repository AS IssueRepository,
        {table}.item_id AS ItemId, {table}.title AS Title, {table}.details AS Details, {table}.section AS Section, {table}.owners AS Owners,
        {table}.due AS Due, {table}.priority AS Priority, {table}.kind AS Kind, {table}.line AS Line, {table}.issue_number AS IssueNumber,
        {table}.issue_url AS IssueUrl, {table}.issue_attempted_at AS IssueAttemptedAt, {table}.state AS State, {table}.removed AS Removed,
        {table}.created_at AS CreatedAt, {table}.updated_at AS UpdatedAt, {table}.closed_at AS ClosedAt, {table}.snoozed_until AS SnoozedUntil,
        {table}.issue_id AS IssueId, {table}.attach_attempted_at AS AttachAttemptedAt, {table}.attached_at AS AttachedAt,
        {table}.backfilled_at AS BackfilledAt
        """;

    /// <summary>The row for <paramref name="item"/>; unset creation and update times become <paramref name="now"/>.</summary>
    public static ItemRow From(TrackedItem item, DateTimeOffset now) => new()
    {
        Key = item.Key,
        Repository = item.Repository,
        Path = item.Path,
        IssueRepository = item.IssueRepository,
        ItemId = item.ItemId,
        Title = item.Title,
        Details = item.Details,
        Section = item.Section,
        Owners = SqlValues.Owners(item.Owners),
        Due = SqlValues.Date(item.Due),
        Priority = item.Priority,
        Kind = SqlValues.Kind(item.Kind),
        Line = item.Line,
        IssueNumber = item.IssueNumber,
        IssueUrl = item.IssueUrl,
        IssueAttemptedAt = SqlValues.Timestamp(item.IssueAttemptedAt),
        State = SqlValues.State(item.State),
        Removed = item.Removed ? 1 : 0,
        CreatedAt = SqlValues.Timestamp(item.CreatedAt == default ? now : item.CreatedAt),
        UpdatedAt = SqlValues.Timestamp(item.UpdatedAt == default ? now : item.UpdatedAt),
        ClosedAt = SqlValues.Timestamp(item.ClosedAt),
        IssueId = item.IssueId,
        AttachAttemptedAt = SqlValues.Timestamp(item.AttachAttemptedAt),
        AttachedAt = SqlValues.Timestamp(item.AttachedAt),
        BackfilledAt = SqlValues.Timestamp(item.BackfilledAt),
    };

    public TrackedItem ToItem() => new()
    {
        Key = Key,
        Repository = Repository,
        Path = Path,
        IssueRepository = IssueRepository,
        ItemId = ItemId,
        Title = Title,
        Details = Details,
        Section = Section,
        Owners = SqlValues.ParseOwners(Owners),
        Due = SqlValues.ParseDate(Due),
        Priority = Priority,
        Kind = SqlValues.ParseKind(Kind),
        Line = checked((int)Line),
        IssueNumber = IssueNumber is { } number ? checked((int)number) : null,
        IssueUrl = IssueUrl,
        IssueAttemptedAt = SqlValues.ParseTimestampOrNull(IssueAttemptedAt),
        State = SqlValues.ParseState(State),
        Removed = Removed != 0,
        CreatedAt = SqlValues.ParseTimestamp(CreatedAt),
        UpdatedAt = SqlValues.ParseTimestamp(UpdatedAt),
        ClosedAt = SqlValues.ParseTimestampOrNull(ClosedAt),
        SnoozedUntil = SqlValues.ParseTimestampOrNull(SnoozedUntil),
        IssueId = IssueId,
        AttachAttemptedAt = SqlValues.ParseTimestampOrNull(AttachAttemptedAt),
        AttachedAt = SqlValues.ParseTimestampOrNull(AttachedAt),
        BackfilledAt = SqlValues.ParseTimestampOrNull(BackfilledAt),
    };
}
