using ActionBot.Core.Tracking;

namespace ActionBot.Core.Reminders;

/// <summary>An open item in the digest, with its effective due date.</summary>
public sealed record DigestEntry(TrackedItem Item, DateOnly Due, bool Overdue);

/// <summary>A postmortem's open items, overdue first.</summary>
public sealed record DigestGroup(TrackedPostmortem Postmortem, IReadOnlyList<DigestEntry> Items);

/// <summary>
/// The weekly digest of one channel: open items by postmortem (groups with overdue items first), items closed in
/// the week, and the completion rate (closed / all items) now and a week earlier.
/// </summary>
public sealed record WeeklyDigest(
    string Key,
    string? ChannelId,
    DateOnly WeekOf,
    IReadOnlyList<DigestGroup> Open,
    IReadOnlyList<TrackedItem> ClosedThisWeek,
    double CompletionRate,
    double? PreviousCompletionRate);
