using ActionBot.Core.Ports;
using ActionBot.Core.Reminders;
using Hangfire;

namespace ActionBot.Scheduling;

/// <summary>
/// On <c>Reminders:DigestCron</c>: one digest per channel (its key names the week, so a re-run, or a run in another
/// replica, posts nothing new), in one replica at a time (<see cref="IJobLease"/>).
/// </summary>
public sealed partial class WeeklyDigestJob(
    IDigestComposer composer,
    IJobLease leases,
    IChatNotifier chat,
    IChannelDirectory channels,
    TimeProvider time,
    ILogger<WeeklyDigestJob> logger)
{
    /// <summary>Returns how many digests were enqueued (none when another replica holds the job); failures are logged.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken) => (await PostAsync(cancellationToken)).Posted;

    /// <summary>
    /// What Hangfire runs: <see cref="RunAsync"/>, failing when a channel's digest failed, so that Hangfire retries it.
    /// </summary>
    // Retried, unlike the other jobs: the next run is a week away, so a digest that failed (the database or the chat
    // down at 09:00 on Monday) would be lost. Hangfire's back-off spreads ten attempts over about four and a half hours, and a
    // retry cannot post twice: the week's key of a digest already enqueued makes it a no-op.
    [AutomaticRetry(Attempts = 10)]
    public async Task PostWeeklyAsync(CancellationToken cancellationToken)
    {
        var (_, failed) = await PostAsync(cancellationToken);
        if (failed > 0)
        {
            throw new InvalidOperationException($"The weekly digest failed for {failed} channel(s); see the log. Hangfire retries it.");
        }
    }

    private async Task<(int Posted, int Failed)> PostAsync(CancellationToken cancellationToken)
    {
        try
        {
            var (_, result) = await ExclusiveRun.RunAsync(leases, nameof(WeeklyDigestJob), logger, () => PostAllAsync(cancellationToken), cancellationToken);
            return result;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Log.NoLease(logger, e);
            return (0, 1);
        }
    }

    private async Task<(int Posted, int Failed)> PostAllAsync(CancellationToken cancellationToken)
    {
        var (posted, failed) = (0, 0);
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
                failed++;
            }
        }

        if (channels.Channels.Count == 0)
        {
            Log.NoChannel(logger);
        }

        return (posted, failed);
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
