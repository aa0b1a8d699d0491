using System.ComponentModel.DataAnnotations;

namespace ActionBot.GitHub.Processing;

/// <summary>How the background worker treats stored webhook deliveries (<c>ActionBot:Deliveries</c>).</summary>
public sealed class DeliveryWorkerOptions
{
    public const string SectionName = "ActionBot:Deliveries";

    /// <summary>How often the inbox is looked at when nothing wakes the worker (deliveries waiting to be retried).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a claimed delivery belongs to this worker; after a crash it is claimed again once this runs out.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>First retry delay; doubled after each failure, at most <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(10);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// After this many failed attempts a delivery is set aside as failed, with its error, for people to look at. An
    /// attempt cut short by the process stopping counts too: a delivery that kills the bot is set aside, not retried forever.
    /// </summary>
    public int MaxAttempts { get; set; } = 12;

    /// <summary>
    /// How long a done delivery's id is remembered, so that GitHub sending it again is known as a duplicate;
    /// then it is deleted. GitHub redelivers only on request, within days, so a week is ample.
    /// </summary>
    public TimeSpan KeepDoneFor { get; set; } = TimeSpan.FromDays(7);

    /// <summary>
    /// How many deliveries one claim takes (and one completion settles). One transaction for many instead of two
    /// per delivery: the worker then costs the acknowledgements, which share its core and its write gate, less.
    /// </summary>
    [Range(1, 1000, ErrorMessage = "ActionBot:Deliveries:ClaimBatchSize must be between 1 and 1000.")]
    public int ClaimBatchSize { get; set; } = 32;

    /// <summary>
    /// How long the worker waits after being woken before it claims, so that deliveries arriving close together
    /// are claimed as one batch instead of one wake-up each. Zero claims at once.
    /// </summary>
    public TimeSpan SettleDelay { get; set; } = TimeSpan.FromMilliseconds(20);
}
