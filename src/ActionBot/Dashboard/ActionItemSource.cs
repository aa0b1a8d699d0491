using ActionBot.Core.Ports;
using ActionBot.Core.Tracking;

namespace ActionBot.Dashboard;

/// <summary>What the page is built from: the postmortems, and their items (those still in them) as summaries.</summary>
public sealed record DashboardData(IReadOnlyList<TrackedPostmortem> Postmortems, IReadOnlyList<ItemSummary> Items)
{
    /// <summary>Items held whole (the samples): removed ones left out, as storage's summaries leave them out.</summary>
    public static DashboardData Of(IReadOnlyList<TrackedPostmortem> postmortems, IEnumerable<TrackedItem> items) =>
        new(postmortems, [.. items.Where(i => !i.Removed).Select(ItemSummary.Of)]);
}

/// <summary>
/// Where the page and the API read items: storage, or the samples' dry run (<see cref="SampleDryRun"/>) while GitHub is
/// not configured and nothing is stored, or when <c>?dryrun=1</c> asks for it. Both read through here, so in a dry
/// run the API answers the items the page shows.
/// </summary>
public sealed class ActionItemSource(DashboardMode mode, IActionItemStore store, SampleDryRun samples, ItemDueDates dueDates)
{
    public const string DryRunQuery = "dryrun";

    /// <summary>True when this request reads the samples rather than storage.</summary>
    public async Task<bool> IsDryRunAsync(IQueryCollection query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        return mode.DryRun && (query.ContainsKey(DryRunQuery) || (await store.ListPostmortemsAsync(null, cancellationToken)).Count == 0);
    }

    /// <summary>GitHub is not configured: the dry run can be shown even when storage holds items.</summary>
    public bool OffersDryRun => mode.DryRun;

    /// <summary>Every postmortem, and every item still in its postmortem as summaries show it.</summary>
    public async Task<DashboardData> ReadAllAsync(bool dryRun, CancellationToken cancellationToken)
    {
        if (dryRun)
        {
            var set = samples.Read(dueDates.Today);
            return DashboardData.Of(set.Postmortems, set.Items);
        }

        var postmortems = await store.ListPostmortemsAsync(null, cancellationToken);
        return new DashboardData(postmortems, await store.ListItemSummariesAsync(cancellationToken));
    }

    /// <summary>One page in creation order (<see cref="IActionItemStore.PageItemsAsync"/>).</summary>
    public Task<ItemPage> PageAsync(bool dryRun, ItemQuery query, ItemPosition? after, int limit, CancellationToken cancellationToken) =>
        dryRun
            ? Task.FromResult(ItemPage.Slice(samples.Read(dueDates.Today).Items, query, after, limit))
            : store.PageItemsAsync(query, after, limit, cancellationToken);
}
