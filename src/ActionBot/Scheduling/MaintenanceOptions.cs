using System.ComponentModel.DataAnnotations;

namespace ActionBot.Scheduling;

/// <summary>How often the maintenance jobs run (<c>ActionBot:Maintenance</c>).</summary>
public sealed class MaintenanceOptions
{
    public const string SectionName = "ActionBot:Maintenance";

    /// <summary>A missed <c>issues</c> webhook heals within this long.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00", ErrorMessage = "ActionBot:Maintenance:ReconcileEvery must be between 00:00:01 and 7.00:00:00.")]
    public TimeSpan ReconcileEvery { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How often pending outgoing work (the chat outbox) gets another try.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00", ErrorMessage = "ActionBot:Maintenance:RetryEvery must be between 00:00:01 and 1.00:00:00.")]
    public TimeSpan RetryEvery { get; set; } = TimeSpan.FromMinutes(1);
}
