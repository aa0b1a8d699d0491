using ActionBot.Core.Ports;
using ActionBot.Core.Reminders;
using Quartz;

namespace ActionBot.Scheduling;

/// <summary>
/// On <c>Reminders:DigestCron</c>: one digest per channel (its key names the week, so a re-run, or a run in another
/// replica, posts nothing new), in one replica at a time (<see cref="IJobLease"/>).
/// </summary>
[DisallowConcurrentExecution]
public sealed partial class WeeklyDigestJob(
    IDigestComposer composer,
    IJobLease leases,
    IChatNotifier chat,
    IChannelDirectory channels,
    TimeProvider time,
    ILogger<WeeklyDigestJob> logger) : IJob
{
    public Task Execute(IJobExecutionContext context) => RunAsync(context?.CancellationToken ?? default);

    /// <summary>Returns how many digests were enqueued (none when another replica holds the job).</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            var (_, posted) = await ExclusiveRun.RunAsync(leases, nameof(WeeklyDigestJob), logger, () => PostAllAsync(cancellationToken), cancellationToken);
            return posted;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Log.NoLease(logger, e);
            return 0;
        }
    }

    private async Task<int> PostAllAsync(CancellationToken cancellationToken)
    {
        var posted = 0;
        foreach (var channel in channels.Channels)
        {
            try
            {
                var digest = await composer.ComposeAsync(channel.ChannelId, time.GetUtcNow(), cancellationToken);
                await chat.PostDigestAsync(digest, cancellationToken);
                var open = digest.Open.Sum(g => g.Items.Count);
                Log.Posted(logger, digest.Key, open, digest.ClosedThisWeek.Count);
                posted++;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                Log.Failed(logger, channel.ChannelId, e);
            }
        }

        if (channels.Channels.Count == 0)
        {
            Log.NoChannel(logger);
        }

        return posted;
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 5100, Level = LogLevel.Information, Message = "Weekly digest {Key}: {Open} open item(s), {Closed} closed this week")]
        public static partial void Posted(ILogger logger, string key, int open, int closed);

        [LoggerMessage(EventId = 5101, Level = LogLevel.Warning, Message = "Weekly digest for channel {ChannelId} failed")]
        public static partial void Failed(ILogger logger, string channelId, Exception error);

        [LoggerMessage(EventId = 5102, Level = LogLevel.Information, Message = "Weekly digest: no channel is configured (Discord:DefaultChannelId or a repository's DiscordChannelId)")]
        public static partial void NoChannel(ILogger logger);

        [LoggerMessage(EventId = 5103, Level = LogLevel.Warning, Message = "Weekly digest not run: its lease could not be taken")]
        public static partial void NoLease(ILogger logger, Exception error);
    }
}
