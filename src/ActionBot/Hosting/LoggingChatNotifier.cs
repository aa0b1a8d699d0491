using ActionBot.Core.Ports;

namespace ActionBot.Hosting;

/// <summary>The chat port until Discord is configured: says in the log what would have been announced.</summary>
public sealed partial class LoggingChatNotifier(ILogger<LoggingChatNotifier> logger) : IChatNotifier
{
    public Task AnnounceAsync(PostmortemAnnouncement announcement, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(announcement);
        Log.Skipped(logger, announcement.Items.Count, announcement.Postmortem.Path);
        return Task.CompletedTask;
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 2200, Level = LogLevel.Information, Message = "No chat configured: announcement of {Count} new issue(s) for {Path} skipped")]
        public static partial void Skipped(ILogger logger, int count, string path);
    }
}
