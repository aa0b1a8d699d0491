using ActionBot.Core.Identity;

namespace ActionBot.Core.Ports;

/// <summary>
/// Claims of a GitHub login that wait for GitHub's confirmation (one per chat user), kept durably so that a restart
/// resumes their polling or lets them expire. A claim here grants nothing.
/// </summary>
public interface IAccountLinkRequests
{
    /// <summary>Stores the user's claim, replacing an earlier one of theirs.</summary>
    Task SaveAsync(AccountLinkRequest request, CancellationToken cancellationToken);

    Task<AccountLinkRequest?> GetAsync(string chatUserId, CancellationToken cancellationToken);

    /// <summary>
    /// Claims the claim whose poll is due soonest (due at or before <paramref name="now"/>) and moves its next poll one
    /// interval after <paramref name="now"/> in the same statement: no other poller (another replica) polls it before
    /// then, and a poller that dies mid-poll leaves it due again one interval later. Null when none is due.
    /// </summary>
    Task<AccountLinkRequest?> ClaimDueAsync(DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>A new interval (GitHub said <c>slow_down</c>) and the next poll, for the claim with this device code.</summary>
    Task RescheduleAsync(AccountLinkRequest request, TimeSpan interval, DateTimeOffset nextPollAt, CancellationToken cancellationToken);

    /// <summary>Removes the claim with this device code (a newer claim of the same user stays).</summary>
    Task RemoveAsync(AccountLinkRequest request, CancellationToken cancellationToken);

    /// <summary>When the next poll falls due; null when nothing waits.</summary>
    Task<DateTimeOffset?> NextPollAtAsync(CancellationToken cancellationToken);
}
