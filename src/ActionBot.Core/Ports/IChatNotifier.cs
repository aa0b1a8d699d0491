using ActionBot.Core.Reminders;
using ActionBot.Core.Tracking;

namespace ActionBot.Core.Ports;

/// <summary>A postmortem's new issues, to be announced in its repository's chat channel.</summary>
public sealed record PostmortemAnnouncement(TrackedPostmortem Postmortem, string? ChannelId, IReadOnlyList<TrackedItem> Items)
{
    /// <summary>
    /// Deterministic: the same postmortem at the same commit is announced once. Set when the announcement was promised
    /// at a commit that is no longer the postmortem's latest (it is kept until done: a crash, then a later edit).
    /// </summary>
    public string Key { get; init; } = KeyOf(Postmortem);

    public static string KeyOf(TrackedPostmortem postmortem)
    {
        ArgumentNullException.ThrowIfNull(postmortem);
        return $"announce:{postmortem.Repository}:{postmortem.Path}:{postmortem.CommitSha}";
    }
}

/// <summary>
/// The chat the bot talks in (Discord). Each call records a promise to send, keyed by the message's key, and
/// returns once it is stored durably: the adapter sends it when the chat answers, and the same key twice is sent
/// once. Until a chat is configured, messages are skipped with a log line.
/// </summary>
public interface IChatNotifier
{
    Task AnnounceAsync(PostmortemAnnouncement announcement, CancellationToken cancellationToken);

    Task RemindAsync(ReminderMessage reminder, CancellationToken cancellationToken);

    Task EscalateAsync(EscalationMessage escalation, CancellationToken cancellationToken);

    Task PostDigestAsync(WeeklyDigest digest, CancellationToken cancellationToken);
}
