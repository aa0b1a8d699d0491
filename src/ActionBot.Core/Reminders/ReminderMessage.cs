using ActionBot.Core.Tracking;

namespace ActionBot.Core.Reminders;

public enum ReminderKind
{
    /// <summary><c>RemindBefore</c> the due date.</summary>
    BeforeDue,

    /// <summary>On the due date.</summary>
    OnDue,

    /// <summary>After the due date, every <c>RepeatEvery</c>.</summary>
    Overdue,
}

/// <summary>
/// Who a reminder goes to: a direct message when <see cref="ChatUserId"/> is known, else a message in
/// <see cref="ChannelId"/> naming <see cref="GitHubLogin"/>.
/// </summary>
public sealed record ReminderRecipient(string? ChatUserId, string? GitHubLogin, string? ChannelId);

/// <summary>One item in a reminder, with its effective due date (stated, or derived from its priority).</summary>
public sealed record DueItem(TrackedItem Item, DateOnly Due, ReminderKind Kind, int DaysOverdue);

/// <summary>
/// One message to one person for one sweep, listing all of that person's due items. <see cref="Key"/> is
/// deterministic (recipient and the item slots it covers), so enqueuing the same reminder twice sends it once.
/// </summary>
public sealed record ReminderMessage(string Key, ReminderRecipient Recipient, IReadOnlyList<DueItem> Items);

/// <summary>An item overdue for too long, announced once in its repository's channel.</summary>
public sealed record EscalationMessage(string Key, string? ChannelId, DueItem Item, int OverdueReminders);
