using ActionBot.Core.Ports;

namespace ActionBot.Core.Tracking;

/// <summary>
/// Heals missed <c>issues</c> webhooks: reads the action-item issues that changed since the last pass and
/// brings the tracked items' state in line. Runs periodically; a missed close is seen on the next pass, and with it the
/// close (or reopen) of the postmortem's tracking issue that it calls for.
/// </summary>
public sealed class IssueStateReconciler(IActionItemStore store, IIssueTracker tracker, TimeProvider time, TrackingIssueKeeper? tracking = null)
{
    // On the first pass after a start, look this far back: the bot may have been down that long.
    public static readonly TimeSpan FirstLookBack = TimeSpan.FromDays(30);
    private static readonly TimeSpan Overlap = TimeSpan.FromMinutes(10);

    private readonly Dictionary<string, DateTimeOffset> _lastPass = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Returns how many items changed state.</summary>
    public async Task<int> ReconcileAsync(CancellationToken cancellationToken)
    {
        var changed = 0;
        foreach (var repository in await store.GetIssueRepositoriesAsync(cancellationToken))
        {
            var started = time.GetUtcNow();
            var since = _lastPass.TryGetValue(repository, out var last) ? last - Overlap : started - FirstLookBack;
            await foreach (var issue in tracker.ListChangedSinceAsync(repository, since, cancellationToken))
            {
                if (issue.ItemKey is not null && await store.SetIssueStateAsync(repository, issue.Number, issue.State, issue.UpdatedAt, cancellationToken))
                {
                    changed++;
                    if (tracking is not null)
                    {
                        await tracking.FollowIssueAsync(repository, issue.Number, cancellationToken);
                    }
                }
            }

            _lastPass[repository] = started;
        }

        return changed;
    }
}
