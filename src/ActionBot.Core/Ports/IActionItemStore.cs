using ActionBot.Core.Tracking;

namespace ActionBot.Core.Ports;

public enum ItemStateFilter
{
    Open,
    Closed,
    All,
}

/// <summary>Which tracked items to list: by state, owner (a login, case-insensitive) and source repository.</summary>
public sealed record ItemQuery(ItemStateFilter State = ItemStateFilter.Open, string? Owner = null, string? Repository = null)
{
    /// <summary>What the stores' queries select, for items held in memory (the dashboard's dry run, test doubles).</summary>
    public bool Matches(TrackedItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var owner = Owner?.Trim().TrimStart('@');
        return State switch
            {
                ItemStateFilter.Open => item.State == ItemState.Open,
                ItemStateFilter.Closed => item.State == ItemState.Closed,
                _ => true,
            }
            && (string.IsNullOrEmpty(owner) || item.Owners.Any(o => string.Equals(o, owner, StringComparison.OrdinalIgnoreCase)))
            && (string.IsNullOrWhiteSpace(Repository) || string.Equals(item.Repository, Repository.Trim(), StringComparison.OrdinalIgnoreCase));
    }
}

/// <summary>Durable storage of postmortems and their items. Every write is committed when the call returns.</summary>
public interface IActionItemStore
{
    Task SavePostmortemAsync(TrackedPostmortem postmortem, CancellationToken cancellationToken);

    Task<TrackedPostmortem?> GetPostmortemAsync(string repository, string path, CancellationToken cancellationToken);

    /// <summary>Every item ever tracked for one postmortem file, removed ones included.</summary>
    Task<IReadOnlyList<TrackedItem>> GetItemsAsync(string repository, string path, CancellationToken cancellationToken);

    /// <summary>
    /// Inserts new items and updates known ones (matched by <see cref="TrackedItem.Key"/>) in one transaction.
    /// Issue number, URL and id, attempt and attach times, backfill time and state of a known item are kept: only the
    /// recording calls change them.
    /// </summary>
    Task UpsertItemsAsync(IReadOnlyList<TrackedItem> items, CancellationToken cancellationToken);

    /// <summary>
    /// Stores a reading of a postmortem in one transaction: the postmortem, its items (inserted or updated as
    /// <see cref="UpsertItemsAsync"/> does) and the effects the reading promises (one whose key is pending already is
    /// kept as it is). A crash before it returns leaves nothing of the reading; after, all of it.
    /// </summary>
    Task SaveReadingAsync(TrackedPostmortem postmortem, IReadOnlyList<TrackedItem> items, IReadOnlyList<PendingEffect> effects, CancellationToken cancellationToken);

    /// <summary>Promised effects not done yet, oldest first (work left by a crash or an outage; usually none).</summary>
    Task<IReadOnlyList<PendingEffect>> GetPendingEffectsAsync(CancellationToken cancellationToken);

    /// <summary>Marks a promised effect done (forgets it); nothing happens for an unknown key.</summary>
    Task CompleteEffectAsync(string key, CancellationToken cancellationToken);

    /// <summary>Records that an attempt to open the item's issue begins now (before GitHub is called).</summary>
    Task MarkIssueAttemptAsync(string key, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Records the issue opened (or found) for an item, with its id when known (an unknown id keeps the recorded one).</summary>
    Task RecordIssueAsync(string key, IssueRef issue, CancellationToken cancellationToken);

    /// <summary>Records that an attempt to attach the item's issue to its tracking issue begins now (before GitHub is called).</summary>
    Task MarkAttachAttemptAsync(string key, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Records that the item's issue is a sub-issue of its tracking issue (or settled where GitHub keeps it).</summary>
    Task RecordAttachedAsync(string key, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Replaces what is recorded of a postmortem's tracking issue; false when the postmortem is not stored.</summary>
    Task<bool> SaveTrackingAsync(string repository, string path, TrackingRecord tracking, CancellationToken cancellationToken);

    /// <summary>
    /// Postmortems whose tracking issue was decided on and is not finished (not opened yet, or an item's issue not
    /// attached yet): work left by a crash or an outage.
    /// </summary>
    Task<IReadOnlyList<TrackedPostmortem>> GetPostmortemsAwaitingTrackingAsync(CancellationToken cancellationToken);

    /// <summary>The item whose issue this is; null when no item has it.</summary>
    Task<TrackedItem?> GetItemByIssueAsync(string issueRepository, int issueNumber, CancellationToken cancellationToken);

    /// <summary>
    /// Opens or closes the item tracked by an issue, as GitHub reported at <paramref name="at"/> (GitHub's time of the
    /// change). False when no item has that issue, or when a later change was recorded already: stale news never
    /// undoes newer (a reconcile pass that read the issue just before a webhook closed it).
    /// </summary>
    Task<bool> SetIssueStateAsync(string issueRepository, int issueNumber, ItemState state, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Sets the owners of the item tracked by an issue (its assignees changed on GitHub); false when no item has that issue.</summary>
    Task<bool> SetIssueOwnersAsync(string issueRepository, int issueNumber, IReadOnlyList<string> owners, DateTimeOffset at, CancellationToken cancellationToken);

    Task<IReadOnlyList<TrackedItem>> QueryItemsAsync(ItemQuery query, CancellationToken cancellationToken);

    /// <summary>
    /// At most <paramref name="limit"/> items of <paramref name="query"/> (removed ones included) that come after
    /// <paramref name="after"/> in creation order (<see cref="ItemPosition"/>). Neither the creation time nor the key
    /// of an item ever changes, so a client that follows <see cref="ItemPage.Next"/> sees every item once, while items
    /// are added and changed meanwhile; items added during the walk come last.
    /// </summary>
    Task<ItemPage> PageItemsAsync(ItemQuery query, ItemPosition? after, int limit, CancellationToken cancellationToken);

    /// <summary>Every item still in its postmortem (removed ones left out), as summaries show it; in no particular order.</summary>
    Task<IReadOnlyList<ItemSummary>> ListItemSummariesAsync(CancellationToken cancellationToken);

    /// <summary>Open items still in their postmortem whose issue has not been recorded yet (work left by a crash).</summary>
    Task<IReadOnlyList<TrackedItem>> GetItemsAwaitingIssueAsync(CancellationToken cancellationToken);

    /// <summary>Postpones the reminders of an item until <paramref name="until"/>; false when no item has that key.</summary>
    Task<bool> SnoozeAsync(string key, DateTimeOffset until, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Tracked postmortems, latest merge first; of one repository when <paramref name="repository"/> is set.</summary>
    Task<IReadOnlyList<TrackedPostmortem>> ListPostmortemsAsync(string? repository, CancellationToken cancellationToken);

    /// <summary>The issue repositories that have tracked items, for reconciliation.</summary>
    Task<IReadOnlyList<string>> GetIssueRepositoriesAsync(CancellationToken cancellationToken);
}
