using ActionBot.Core.Extraction;

namespace ActionBot.Core.Tracking;

public enum ItemState
{
    Open,
    Closed,
}

/// <summary>An action item the bot follows: where it came from, its issue, and whether it is done.</summary>
public sealed record TrackedItem
{
    /// <summary>Stable key of the item: its postmortem and first wording. Written into its issue as a hidden marker.</summary>
    public required string Key { get; init; }

    public required string Repository { get; init; }
    public required string Path { get; init; }
    public required string IssueRepository { get; init; }

    /// <summary>The extractor's id of the item's current wording (changes when the wording changes; <see cref="Key"/> does not).</summary>
    public required string ItemId { get; init; }

    public required string Title { get; init; }
    public string? Details { get; init; }
    public required string Section { get; init; }
    public IReadOnlyList<string> Owners { get; init; } = [];
    public DateOnly? Due { get; init; }
    public string? Priority { get; init; }
    public ActionItemKind? Kind { get; init; }
    public int Line { get; init; }

    public int? IssueNumber { get; init; }
    public string? IssueUrl { get; init; }

    /// <summary>GitHub's id of the issue (not its number): what attaching it as a sub-issue takes.</summary>
    public long? IssueId { get; init; }

    /// <summary>When an attempt to open the issue began; a later attempt must first look for an issue it may have opened.</summary>
    public DateTimeOffset? IssueAttemptedAt { get; init; }

    /// <summary>When an attempt to attach the issue to its postmortem's tracking issue began; a later attempt lists the sub-issues first.</summary>
    public DateTimeOffset? AttachAttemptedAt { get; init; }

    /// <summary>When the issue was found or made a sub-issue of the tracking issue (or left where GitHub keeps it under another).</summary>
    public DateTimeOffset? AttachedAt { get; init; }

    /// <summary>When <c>backfill</c> first tracked the item: its due date then counts from its postmortem's own date.</summary>
    public DateTimeOffset? BackfilledAt { get; init; }

    public ItemState State { get; init; } = ItemState.Open;

    /// <summary>True once the item no longer appears in its postmortem (its issue got a comment, not a close).</summary>
    public bool Removed { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public DateTimeOffset? ClosedAt { get; init; }

    /// <summary>Reminders of the item wait until this time (<c>/postmortem snooze</c>).</summary>
    public DateTimeOffset? SnoozedUntil { get; init; }

    /// <summary>The hidden marker that ties an issue body to this item.</summary>
    public string Marker => IssueMarker.For(Key);

    public string Text => Details is null ? Title : $"{Title} {Details}";
}
