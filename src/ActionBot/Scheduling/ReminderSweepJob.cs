using ActionBot.Core.Ports;
using ActionBot.Core.Reminders;
using Hangfire;

namespace ActionBot.Scheduling;

/// <summary>
/// Every <c>Reminders:SweepEvery</c>: sends the reminders that are due (see <see cref="ReminderSweep"/>), in one replica
/// at a time (<see cref="IJobLease"/>): two sweeps at once could group the same slots into different messages.
/// </summary>
// No automatic retries: a failed sweep is logged and returns null rather than throwing, and the next sweep, one
// SweepEvery later, is its retry; one of Hangfire's, on a back-off of its own, would only add sweeps at odd times.
[AutomaticRetry(Attempts = 0)]
public sealed partial class ReminderSweepJob(ReminderSweep sweep, IJobLease leases, TimeProvider time, ILogger<ReminderSweepJob> logger)
{
    /// <summary>
    /// One sweep at the injected clock's now (Hangfire keeps its own clock for schedules only); <see cref="ReminderSweepReport.Skipped"/>
    /// when another replica is sweeping; null when it failed.
    /// </summary>
    public async Task<ReminderSweepReport?> RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            var (ran, report) = await ExclusiveRun.RunAsync(leases, nameof(ReminderSweepJob), logger, () => sweep.RunAsync(time.GetUtcNow(), cancellationToken), cancellationToken);
            if (!ran)
            {
                return ReminderSweepReport.Skipped;
            }

            Log.Swept(logger, report.ItemsRead, report.Messages, report.ItemsReminded, report.Comments, report.Escalations);
            return report;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Nothing recorded for what failed: the next sweep computes the same messages, and the chat sends each key once.
            Log.Failed(logger, e);
            return null;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 5000, Level = LogLevel.Information, Message = "Reminder sweep: {Read} open item(s) read, {Messages} message(s) for {Items} item(s), {Comments} overdue comment(s), {Escalations} escalation(s)")]
        public static partial void Swept(ILogger logger, int read, int messages, int items, int comments, int escalations);

        [LoggerMessage(EventId = 5001, Level = LogLevel.Warning, Message = "Reminder sweep failed; the next sweep tries again")]
        public static partial void Failed(ILogger logger, Exception error);
    }
}
