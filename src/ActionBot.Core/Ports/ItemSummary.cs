using ActionBot.Core.Tracking;

namespace ActionBot.Core.Ports;

/// <summary>
/// An item as lists and summaries show it: its postmortem, title, owners, due date, priority, state and issue, without
/// the rest of its wording. A page that counts every item reads these, a fraction of a <see cref="TrackedItem"/>.
/// </summary>
public sealed record ItemSummary(
    string Key,
    string Repository,
    string Path,
    string Title,
    IReadOnlyList<string> Owners,
    DateOnly? Due,
    string? Priority,
    ItemState State,
    int? IssueNumber,
    string? IssueUrl,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? ClosedAt)
{
    /// <summary>When <c>backfill</c> found the item (its due date may be moved, <see cref="Reminders.IDueDateRule"/>); null for a merged one.</summary>
    public DateTimeOffset? BackfilledAt { get; init; }

    public static ItemSummary Of(TrackedItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return new ItemSummary(
            item.Key, item.Repository, item.Path, item.Title, item.Owners, item.Due, item.Priority, item.State, item.IssueNumber, item.IssueUrl,
            item.CreatedAt, item.UpdatedAt, item.ClosedAt)
        {
            BackfilledAt = item.BackfilledAt,
        };
    }
}
