using ActionBot.Core.Reminders;
using ActionBot.Core.Tracking;

namespace ActionBot.Core.Ports;

/// <summary>
/// An open item as the reminder sweep reads it: with its postmortem's author, merge time and own date (the due date of a
/// backfilled item counts from it), and what was done so far.
/// </summary>
public sealed record ReminderCandidate(TrackedItem Item, string? PostmortemAuthor, DateTimeOffset MergedAt, ReminderState State, DateOnly? PostmortemDate = null);

public enum ReminderRecordKind
{
    /// <summary>A reminder for a slot was enqueued (to every recipient of the item).</summary>
    Reminder,

    /// <summary>The item's issue got its comment for an overdue slot.</summary>
    Comment,

    /// <summary>The item was raised in its repository's channel.</summary>
    Escalation,
}

/// <summary>Something done for one item; <see cref="Slot"/> is a <see cref="ReminderSlot.Key"/> (ignored for escalations).</summary>
public sealed record ReminderRecord(string ItemKey, ReminderRecordKind Kind, string Slot, bool Overdue);

/// <summary>
/// What the reminder sweep has done, per item and slot. Each (item, slot, kind) is recorded at most once, under a
/// unique key: two sweeps (a retry, another replica) that record the same thing record it once.
/// </summary>
public interface IReminderLedger
{
    /// <summary>
    /// Open items still in their postmortems, streamed (not materialized), each with its reminder state. Items whose
    /// stated due date is after <paramref name="dueBy"/> are left out: none of their reminders can be due yet.
    /// </summary>
    IAsyncEnumerable<ReminderCandidate> OpenItemsAsync(DateOnly dueBy, CancellationToken cancellationToken);

    /// <summary>Records in one transaction; returns how many were new.</summary>
    Task<int> RecordAsync(IReadOnlyList<ReminderRecord> records, DateTimeOffset at, CancellationToken cancellationToken);
}
