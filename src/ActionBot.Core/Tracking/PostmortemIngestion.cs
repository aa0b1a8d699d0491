using System.Runtime.ExceptionServices;
using ActionBot.Core.Extraction;
using ActionBot.Core.Ports;

namespace ActionBot.Core.Tracking;

/// <summary>What one reading of a merged postmortem changed.</summary>
public sealed record IngestionReport(int Items, int Added, int Reworded, int Removed, IReadOnlyList<TrackedItem> IssuesOpened, IReadOnlyList<ExtractionWarning> Warnings)
{
    /// <summary>The postmortem as stored after the reading, its tracking issue included.</summary>
    public TrackedPostmortem? Postmortem { get; init; }
}

/// <summary>
/// Turns a merged postmortem into tracked items and their issues. Safe to run again for the same file
/// (a redelivery, a retry after a crash): items are matched to what is stored, the intent is stored
/// before GitHub is called, and <see cref="IssueOpener"/> never opens an item's issue twice. With a
/// <see cref="TrackingIssueKeeper"/>, each postmortem also gets its tracking issue, its items attached as sub-issues.
/// </summary>
public sealed class PostmortemIngestion(
    ActionItemExtractor extractor,
    IActionItemStore store,
    IIssueTracker tracker,
    IssueOpener opener,
    IChatNotifier chat,
    IJobLease leases,
    TimeProvider time,
    TrackingIssueKeeper? tracking = null)
{
    /// <summary>
    /// The lease of everything that opens, attaches or closes issues. Ingestion (a delivery, a backfill) and recovery
    /// (the maintenance pass) each act on items they read beforehand: run at once, here, in two replicas or in a
    /// <c>backfill</c> beside <c>serve</c>, both would open the same item's issue. One at a time across every process
    /// that shares the database, each reads what the other recorded.
    /// </summary>
    public const string OneAtATime = "postmortem-ingestion";

    public async Task<IngestionReport> IngestAsync(TrackedPostmortem merged, string markdown, string? channelId, CancellationToken cancellationToken)
    {
        await using var lease = await leases.AcquireAsync(OneAtATime, cancellationToken);
        return await IngestOneAsync(merged, markdown, new Announce(channelId), cancellationToken);
    }

    /// <summary>
    /// A postmortem found on the default branch by <c>backfill</c>, read by the same path as a merge: its new items are
    /// marked backfilled (their due dates count from the postmortem's own date) and nothing is announced in chat.
    /// </summary>
    public async Task<IngestionReport> BackfillAsync(TrackedPostmortem found, string markdown, CancellationToken cancellationToken)
    {
        await using var lease = await leases.AcquireAsync(OneAtATime, cancellationToken);
        return await IngestOneAsync(found, markdown, null, cancellationToken);
    }

    /// <summary>Opens the issues that a crash or an outage left unopened.</summary>
    public async Task<IReadOnlyList<TrackedItem>> RecoverAsync(CancellationToken cancellationToken)
    {
        await using var lease = await leases.AcquireAsync(OneAtATime, cancellationToken);
        return await RecoverAllAsync(cancellationToken);
    }

    // A backfill announces nothing: dozens of old postmortems would flood the channel on the day the bot is installed.
    private async Task<IngestionReport> IngestOneAsync(TrackedPostmortem merged, string markdown, Announce? announce, CancellationToken cancellationToken)
    {
        var result = extractor.Extract(markdown);
        var postmortem = merged with { Title = result.Title ?? merged.Title, Date = result.Date };
        await store.SavePostmortemAsync(postmortem, cancellationToken);

        var known = await store.GetItemsAsync(postmortem.Repository, postmortem.Path, cancellationToken);
        var matches = ItemMatcher.Match(known, result.Items);
        var now = time.GetUtcNow();
        var backfilledAt = announce is null ? now : (DateTimeOffset?)null;
        var current = matches.Unchanged.Concat(matches.Reworded).Select(m => Refresh(m.Known, m.Current, now))
            .Concat(matches.Added.Select(item => New(postmortem, item, now) with { BackfilledAt = backfilledAt }))
            .ToList();
        await store.UpsertItemsAsync(current, cancellationToken);
        if (tracking is not null)
        {
            await tracking.RequestAsync(postmortem, current, cancellationToken);
        }

        var opened = await OpenIssuesAsync(current, postmortem, cancellationToken);
        foreach (var (knownItem, _) in matches.Reworded.Where(m => m.Known.IssueNumber is not null))
        {
            var item = current.First(i => i.Key == knownItem.Key);
            await tracker.UpdateAsync(item.IssueRepository, item.IssueNumber!.Value, IssueWriter.Draft(item, postmortem), cancellationToken);
        }

        await MarkRemovedAsync(matches.Removed, postmortem, now, cancellationToken);

        // The tracking issue, once the items' issues exist (so it is opened knowing them all). Its failure must not cost
        // the announcement of the issues opened: announced first, the failure is raised after, and the delivery's retry
        // (or the recovery pass) finishes the tracking issue.
        var (tracked, trackingFailure) = await KeepTrackingAsync(postmortem, cancellationToken);
        if (announce is not null && opened.Count > 0)
        {
            await chat.AnnounceAsync(new PostmortemAnnouncement(tracked, announce.ChannelId, opened), cancellationToken);
        }

        trackingFailure?.Throw();
        return new IngestionReport(result.Items.Count, matches.Added.Count, matches.Reworded.Count, matches.Removed.Count, opened, result.Warnings)
        {
            Postmortem = tracked,
        };
    }

    private async Task<(TrackedPostmortem Postmortem, ExceptionDispatchInfo? Failure)> KeepTrackingAsync(TrackedPostmortem postmortem, CancellationToken cancellationToken)
    {
        if (tracking is null)
        {
            return (postmortem, null);
        }

        try
        {
            return (await tracking.KeepAsync(postmortem.Repository, postmortem.Path, cancellationToken) ?? postmortem, null);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            var stored = await store.GetPostmortemAsync(postmortem.Repository, postmortem.Path, cancellationToken);
            return (stored ?? postmortem, ExceptionDispatchInfo.Capture(e));
        }
    }

    private async Task<IReadOnlyList<TrackedItem>> RecoverAllAsync(CancellationToken cancellationToken)
    {
        var opened = new List<TrackedItem>();
        var postmortems = new HashSet<(string Repository, string Path)>();
        foreach (var group in (await store.GetItemsAwaitingIssueAsync(cancellationToken)).GroupBy(i => (i.Repository, i.Path)))
        {
            if (await store.GetPostmortemAsync(group.Key.Repository, group.Key.Path, cancellationToken) is { } postmortem)
            {
                opened.AddRange(await OpenIssuesAsync(group.ToList(), postmortem, cancellationToken));
                postmortems.Add(group.Key);
            }
        }

        // Tracking issues a crash or an outage left unopened, unattached or stale; and those of the postmortems above.
        if (tracking is not null)
        {
            postmortems.UnionWith((await store.GetPostmortemsAwaitingTrackingAsync(cancellationToken)).Select(p => (p.Repository, p.Path)));
            foreach (var (repository, path) in postmortems)
            {
                await tracking.KeepAsync(repository, path, cancellationToken);
            }
        }

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
        var opened = new List<TrackedItem>(waiting.Count);
        foreach (var item in waiting)
        {
            opened.Add(await opener.EnsureIssueAsync(item, postmortem, cancellationToken));
        }

        return opened;
    }

    // A task that left the postmortem keeps its issue open: people decide; the issue is told why. The comment
    // comes before the flag, so a crash between them repeats the comment rather than losing it.
    private async Task MarkRemovedAsync(IReadOnlyList<TrackedItem> removed, TrackedPostmortem postmortem, DateTimeOffset now, CancellationToken cancellationToken)
    {
        foreach (var item in removed.Where(i => i.IssueNumber is not null && i.State == ItemState.Open))
        {
            var where = postmortem.PullRequestUrl ?? postmortem.CommitSha;
            await tracker.CommentAsync(item.IssueRepository, item.IssueNumber!.Value,
                $"This task no longer appears in `{item.Path}` as merged in {where}. If it is no longer needed, close this issue; ActionBot will not close it by itself.",
                cancellationToken);
        }

        if (removed.Count > 0)
        {
            await store.UpsertItemsAsync(removed.Select(i => i with { Removed = true, UpdatedAt = now }).ToList(), cancellationToken);
        }
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

    private sealed record Announce(string? ChannelId);
}
