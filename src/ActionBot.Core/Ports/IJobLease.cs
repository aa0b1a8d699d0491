namespace ActionBot.Core.Ports;

/// <summary>
/// Keeps a scheduled job (the reminder sweep, the digest, the GitHub reconcile) to one run at a time across every
/// replica that shares the database: each replica's scheduler fires the job, the one that takes the lease runs it,
/// the others skip that run. What a run does is made exact by keys in storage (a reminder slot is recorded once, a
/// message key is sent once); the lease keeps two runs from computing different messages for the same slots.
/// </summary>
public interface IJobLease
{
    /// <summary>
    /// The lease of <paramref name="job"/>, held until disposed; null when another run (here or in another replica)
    /// holds it now. A replica that dies loses its leases.
    /// </summary>
    Task<IAsyncDisposable?> TryAcquireAsync(string job, CancellationToken cancellationToken);

    /// <summary>The lease of <paramref name="job"/>, waiting for whoever holds it now (here or in another replica).</summary>
    Task<IAsyncDisposable> AcquireAsync(string job, CancellationToken cancellationToken);
}
