using ActionBot.Core.Tracking;

namespace ActionBot.Core.Ports;

/// <summary>A postmortem's new issues, to be announced in its repository's chat channel.</summary>
public sealed record PostmortemAnnouncement(TrackedPostmortem Postmortem, string? ChannelId, IReadOnlyList<TrackedItem> Items);

/// <summary>The chat the bot talks in (Discord). Until one is configured, announcements are skipped with a log line.</summary>
public interface IChatNotifier
{
    Task AnnounceAsync(PostmortemAnnouncement announcement, CancellationToken cancellationToken);
}
