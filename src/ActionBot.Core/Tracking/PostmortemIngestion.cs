using ActionBot.Core.Extraction;
using ActionBot.Core.Ports;

namespace ActionBot.Core.Tracking;

/// <summary>What one reading of a merged postmortem changed.</summary>
public sealed record IngestionReport(int Items, int Added, int Reworded, int Removed, IReadOnlyList<TrackedItem> IssuesOpened, IReadOnlyList<ExtractionWarning> Warnings);

/// <summary>
/// Turns a merged postmortem into tracked items and their issues. Safe to run again for the same file
/// (a redelivery, a retry after a crash): items are matched to what is stored, the reading is stored with everything
/// it promises (<see cref="PromisedEffects"/>: the announcement, rewritten issues, removal comments) before GitHub or
/// the chat is called, <see cref="IssueOpener"/> never opens an item's issue twice, and whatever a crash left undone is
/// finished by the next run or by <see cref="RecoverAsync"/>.
/// </summary>
public sealed class PostmortemIngestion(
    ActionItemExtractor extractor,
    IActionItemStore store,
    IIssueTracker tracker,
    IssueOpener opener,
    IChatNotifier chat,
    IJobLease leases,
    TimeProvider time,
    ICrashPoints? crashPoints = null)
{
    // Ingestion (a delivery) and recovery (the maintenance pass) each open issues for items they read beforehand: run
    // at once, here or in two replicas, both would open the same item's issue. One at a time across every replica
    // that shares the database, each reads what the other recorded.
    private const string OneAtATime = "postmortem-ingestion";

    private readonly ICrashPoints _crashPoints = crashPoints ?? NoCrashPoints.Instance;
    private readonly PromisedEffects _effects = new(store, tracker, chat, crashPoints ?? NoCrashPoints.Instance);

    public async Task<IngestionReport> IngestAsync(TrackedPostmortem merged, string markdown, string? channelId, CancellationToken cancellationToken)
    {
        await using var lease = await leases.AcquireAsync(OneAtATime, cancellationToken);
        return await IngestOneAsync(merged, markdown, channelId, cancellationToken);
    }

    /// <summary>Finishes what an earlier reading of <paramref name="postmortem"/> left undone: its unopened issues, its promised effects.</summary>
    public async Task<IReadOnlyList<TrackedItem>> ResumeAsync(TrackedPostmortem postmortem, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(postmortem);
        await using var lease = await leases.AcquireAsync(OneAtATime, cancellationToken);
        return await FinishAsync(postmortem, cancellationToken);
    }

    /// <summary>Opens the issues and does the promised effects that a crash or an outage left undone, in every postmortem.</summary>
    public async Task<IReadOnlyList<TrackedItem>> RecoverAsync(CancellationToken cancellationToken)
    {
        await using var lease = await leases.AcquireAsync(OneAtATime, cancellationToken);
        var unfinished = (await store.GetItemsAwaitingIssueAsync(cancellationToken)).Select(i => (i.Repository, i.Path))
            .Concat((await store.GetPendingEffectsAsync(cancellationToken)).Select(e => (e.Repository, e.Path)))
            .Distinct();
        var opened = new List<TrackedItem>();
        foreach (var (repository, path) in unfinished)
        {
            if (await store.GetPostmortemAsync(repository, path, cancellationToken) is { } postmortem)
            {
                opened.AddRange(await FinishAsync(postmortem, cancellationToken));
            }
        }

        return opened;
    }

    private async Task<IngestionReport> IngestOneAsync(TrackedPostmortem merged, string markdown, string? channelId, CancellationToken cancellationToken)
    {
        var result = extractor.Extract(markdown);
        var postmortem = merged with { Title = result.Title ?? merged.Title, Date = result.Date };
        var known = await store.GetItemsAsync(postmortem.Repository, postmortem.Path, cancellationToken);
        var matches = ItemMatcher.Match(known, result.Items);
        var now = time.GetUtcNow();
        var added = matches.Added.Select(item => New(postmortem, item, now)).ToList();
        var current = matches.Unchanged.Concat(matches.Reworded).Select(m => Refresh(m.Known, m.Current, now)).Concat(added).ToList();
        var removed = matches.Removed.Select(i => i with { Removed = true, UpdatedAt = now });

        // The reading and everything it promises, in one transaction: a crash before it changes nothing, after it loses
        // nothing (a reworded item stored before its issue was rewritten would otherwise read as unchanged next time).
        await store.SaveReadingAsync(postmortem, [.. current, .. removed], PromisedEffects.Of(postmortem, matches, added, channelId, now), cancellationToken);
        await _crashPoints.ReachedAsync(CrashPoint.ReadingStored, cancellationToken);

        var opened = await FinishAsync(postmortem, cancellationToken);
        return new IngestionReport(result.Items.Count, matches.Added.Count, matches.Reworded.Count, matches.Removed.Count, opened, result.Warnings);
    }

    // The issues first: an announcement waits for all of its issues.
    private async Task<List<TrackedItem>> FinishAsync(TrackedPostmortem postmortem, CancellationToken cancellationToken)
    {
        var opened = await OpenIssuesAsync(await store.GetItemsAsync(postmortem.Repository, postmortem.Path, cancellationToken), postmortem, cancellationToken);
        await _effects.KeepAsync(postmortem, cancellationToken);
        return opened;
    }

    private async Task<List<TrackedItem>> OpenIssuesAsync(IReadOnlyList<TrackedItem> items, TrackedPostmortem postmortem, CancellationToken cancellationToken)
    {
        var waiting = items.Where(i => i.IssueNumber is null && i.State == ItemState.Open && !i.Removed).ToList();
        if (waiting.Count == 0)
        {
            return [];
        }

        var labels = waiting.SelectMany(IssueWriter.Labels).Distinct(StringComparer.Ordinal).ToList();
        await tracker.EnsureLabelsAsync(postmortem.IssueRepository, labels, cancellationToken);
        await _crashPoints.ReachedAsync(CrashPoint.LabelsEnsured, cancellationToken);
        var opened = new List<TrackedItem>(waiting.Count);
        foreach (var item in waiting)
        {
            opened.Add(await opener.EnsureIssueAsync(item, postmortem, cancellationToken));
        }

        return opened;
    }

    private static TrackedItem Refresh(TrackedItem known, ActionItem current, DateTimeOffset now) => known with
    {
        ItemId = current.Id,
        Title = current.Title,
        Details = current.Details,
        Section = current.Section,
        Owners = current.Owners,
        Due = current.Due,
        Priority = current.Priority,
        Kind = current.Kind,
        Line = current.Line,
        Removed = false,
        UpdatedAt = now,
    };

    private static TrackedItem New(TrackedPostmortem postmortem, ActionItem item, DateTimeOffset now) => Refresh(
        new TrackedItem
        {
            Key = IssueMarker.KeyFor(postmortem.Repository, postmortem.Path, item.Id),
            Repository = postmortem.Repository,
            Path = postmortem.Path,
            IssueRepository = postmortem.IssueRepository,
            ItemId = item.Id,
            Title = item.Title,
            Section = item.Section,
            // A task the postmortem already marks done is tracked as closed and gets no issue.
            State = item.Done ? ItemState.Closed : ItemState.Open,
            ClosedAt = item.Done ? now : null,
            CreatedAt = now,
        },
        item,
        now);
}
