using ActionBot.Core.Ports;

namespace ActionBot.Scheduling;

/// <summary>
/// A scheduled job's body under its <see cref="IJobLease"/>: every replica's scheduler fires the job, one runs it,
/// the others log that they skipped the run.
/// </summary>
internal static partial class ExclusiveRun
{
    /// <summary>Runs <paramref name="work"/> when this replica takes <paramref name="job"/>'s lease; false (not run) when another run holds it.</summary>
    public static async Task<(bool Ran, T Result)> RunAsync<T>(IJobLease leases, string job, ILogger logger, Func<Task<T>> work, CancellationToken cancellationToken)
    {
        var lease = await leases.TryAcquireAsync(job, cancellationToken);
        if (lease is null)
        {
            Log.Skipped(logger, job);
            return (false, default!);
        }

        await using (lease)
        {
            return (true, await work());
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 5500, Level = LogLevel.Information, Message = "{Job} skipped: another run holds its lease (another replica, or an earlier run still going)")]
        public static partial void Skipped(ILogger logger, string job);
    }
}
