using ActionBot.Core.Observability;
using ActionBot.Core.Ports;
using ActionBot.Core.Reminders;

namespace ActionBot.Hosting;

/// <summary>The chat port until Discord is configured: says in the log what would have been sent.</summary>
public sealed partial class LoggingChatNotifier(ILogger<LoggingChatNotifier> logger) : IChatNotifier
{
    public Task AnnounceAsync(PostmortemAnnouncement announcement, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(announcement);
        Skipped("announcement", announcement.Key, announcement.Items.Count);
        return Task.CompletedTask;
    }

    public Task RemindAsync(ReminderMessage reminder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reminder);
        Skipped("reminder", reminder.Key, reminder.Items.Count);
        return Task.CompletedTask;
    }

    public Task EscalateAsync(EscalationMessage escalation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(escalation);
        Skipped("escalation", escalation.Key, 1);
        return Task.CompletedTask;
    }

    public Task PostDigestAsync(WeeklyDigest digest, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(digest);
        Skipped("digest", digest.Key, digest.Open.Count);
        return Task.CompletedTask;
    }

    // Keys carry postmortem paths, which are whatever their authors named them.
    private void Skipped(string kind, string key, int count)
    {
        var loggedKey = LogText.Sanitize(key)!;
        Log.Skipped(logger, kind, loggedKey, count);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 2200, Level = LogLevel.Information, Message = "No chat configured: {Kind} {Key} ({Count} item(s) or group(s)) skipped")]
        public static partial void Skipped(ILogger logger, string kind, string key, int count);
    }
}
