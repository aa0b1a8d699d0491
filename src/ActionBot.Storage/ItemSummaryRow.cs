using ActionBot.Core.Ports;

namespace ActionBot.Storage;

/// <summary>The columns of <c>action_items</c> that an <see cref="ItemSummary"/> holds, as stored.</summary>
internal sealed class ItemSummaryRow
{
    public string Key { get; set; } = "";
    public string Repository { get; set; } = "";
    public string Path { get; set; } = "";
    public string Title { get; set; } = "";
    public string Owners { get; set; } = "[]";
    public string? Due { get; set; }
    public string? Priority { get; set; }
    public string State { get; set; } = "open";
    public long? IssueNumber { get; set; }
    public string? IssueUrl { get; set; }
    public string CreatedAt { get; set; } = "";
    public string UpdatedAt { get; set; } = "";
    public string? ClosedAt { get; set; }
    public string? BackfilledAt { get; set; }

    public ItemSummary ToSummary() => new(
        Key, Repository, Path, Title, SqlValues.ParseOwners(Owners), SqlValues.ParseDate(Due), Priority, SqlValues.ParseState(State),
        IssueNumber is { } number ? checked((int)number) : null, IssueUrl,
        SqlValues.ParseTimestamp(CreatedAt), SqlValues.ParseTimestamp(UpdatedAt), SqlValues.ParseTimestampOrNull(ClosedAt))
    {
        BackfilledAt = SqlValues.ParseTimestampOrNull(BackfilledAt),
    };
}
