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
/// (a redelivery, a retry after a crash): items are matched to what is stored, the reading is stored with everything
/// it promises (<see cref="PromisedEffects"/>: the announcement, rewritten issues, removal comments) before GitHub or
/// the chat is called, <see cref="IssueOpener"/> never opens an item's issue twice, and whatever a crash left undone is
/// finished by the next run or by <see cref="RecoverAsync"/>. With a <see cref="TrackingIssueKeeper"/>, each
/// postmortem also gets its tracking issue, its items attached as sub-issues.
/// </summary>
public sealed class PostmortemIngestion(
    ActionItemExtractor extractor,
    IActionItemStore store,
    IIssueTracker tracker,
    IssueOpener opener,
    IChatNotifier chat,
    IJobLease leases,
    TimeProvider time,
    ICrashPoints? crashPoints = null,
    TrackingIssueKeeper? tracking = null)
{
    /// <summary>
    /// The lease of everything that opens, attaches or closes issues. Ingestion (a delivery, a backfill) and recovery
    /// (the maintenance pass) each act on items they read beforehand: run at once, here, in two replicas or in a
    /// <c>backfill</c> beside <c>serve</c>, both would open the same item's issue. One at a time across every process
    /// that shares the database, each reads what the other recorded.
    /// </summary>
    public const string OneAtATime = "postmortem-ingestion";

    private readonly ICrashPoints _crashPoints = crashPoints ?? NoCrashPoints.Instance;
    private readonly PromisedEffects _effects = new(store, tracker, chat, crashPoints ?? NoCrashPoints.Instance);

    public async Task<IngestionReport> IngestAsync(TrackedPostmortem merged, string markdown, string? channelId, CancellationToken cancellationToken)
    {
        await using var lease = await leases.AcquireAsync(OneAtATime, cancellationToken);
        return await IngestOneAsync(merged, markdown, channelId, backfill: false, cancellationToken);
    }

    /// <summary>
    /// A postmortem found on the default branch by <c>backfill</c>, read by the same path as a merge: its new items are
    /// marked backfilled (their due dates count from the postmortem's own date) and nothing is announced in chat.
    /// </summary>
    public async Task<IngestionReport> BackfillAsync(TrackedPostmortem found, string markdown, CancellationToken cancellationToken)
    {
        await using var lease = await leases.AcquireAsync(OneAtATime, cancellationToken);
        return await IngestOneAsync(found, markdown, channelId: null, backfill: true, cancellationToken);
    }

    /// <summary>Finishes what an earlier reading of <paramref name="postmortem"/> left undone: its unopened issues, its promised effects, its tracking issue.</summary>
    public async Task<IReadOnlyList<TrackedItem>> ResumeAsync(TrackedPostmortem postmortem, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(postmortem);
        await using var lease = await leases.AcquireAsync(OneAtATime, cancellationToken);
        return (await FinishAsync(postmortem, cancellationToken)).Opened;
    }

    /// <summary>Opens the issues, does the promised effects and keeps the tracking issues that a crash or an outage left undone, in every postmortem.</summary>
    public async Task<IReadOnlyList<TrackedItem>> RecoverAsync(CancellationToken cancellationToken)
    {
        await using var lease = await leases.AcquireAsync(OneAtATime, cancellationToken);
        var unfinished = (await store.GetItemsAwaitingIssueAsync(cancellationToken)).Select(i => (i.Repository, i.Path))
            .Concat((await store.GetPendingEffectsAsync(cancellationToken)).Select(e => (e.Repository, e.Path)))
            .Concat(tracking is null ? [] : (await store.GetPostmortemsAwaitingTrackingAsync(cancellationToken)).Select(p => (p.Repository, p.Path)))
            .Distinct();
        var opened = new List<TrackedItem>();
        foreach (var (repository, path) in unfinished)
        {
            if (await store.GetPostmortemAsync(repository, path, cancellationToken) is { } postmortem)
            {
                opened.AddRange((await FinishAsync(postmortem, cancellationToken)).Opened);
            }
        }

        return opened;
    }

    // A backfill announces nothing: dozens of old postmortems would flood the channel on the day the bot is installed.
    private async Task<IngestionReport> IngestOneAsync(TrackedPostmortem merged, string markdown, string? channelId, bool backfill, CancellationToken cancellationToken)
    {
        var result = extractor.Extract(markdown);
        var postmortem = merged with { Title = result.Title ?? merged.Title, Date = result.Date };
        var known = await store.GetItemsAsync(postmortem.Repository, postmortem.Path, cancellationToken);
        var matches = ItemMatcher.Match(known, result.Items);
        var now = time.GetUtcNow();
        var backfilledAt = backfill ? now : (DateTimeOffset?)null;
        var added = matches.Added.Select(item => New(postmortem, item, now) with { BackfilledAt = backfilledAt }).ToList();
        var current = matches.Unchanged.Concat(matches.Reworded).Select(m => Refresh(m.Known, m.Current, now)).Concat(added).ToList();
        var removed = matches.Removed.Select(i => i with { Removed = true, UpdatedAt = now });

        // The reading and everything it promises, in one transaction: a crash before it changes nothing, after it loses
        // nothing (a reworded item stored before its issue was rewritten would otherwise read as unchanged next time).
        var effects = PromisedEffects.Of(postmortem, matches, backfill ? [] : added, channelId, now);
        await store.SaveReadingAsync(postmortem, [.. current, .. removed], effects, cancellationToken);
        await _crashPoints.ReachedAsync(CrashPoint.ReadingStored, cancellationToken);

        var (opened, tracked) = await FinishAsync(postmortem, cancellationToken);
        return new IngestionReport(result.Items.Count, matches.Added.Count, matches.Reworded.Count, matches.Removed.Count, opened, result.Warnings)
        {
            Postmortem = tracked,
        };
    }

    // The tracking issue is decided on before any issue opens (a crash after leaves work that this finishes), kept once
    // the items' issues exist (opened knowing them all), and before the promised effects (the announcement links it).
    // Its failure must not cost the announcement: the effects are kept first, then the failure is raised, and the
    // delivery's retry (or the recovery pass) finishes the tracking issue.
    private async Task<(List<TrackedItem> Opened, TrackedPostmortem Postmortem)> FinishAsync(TrackedPostmortem postmortem, CancellationToken cancellationToken)
    {
        var items = await store.GetItemsAsync(postmortem.Repository, postmortem.Path, cancellationToken);
        if (tracking is not null)
        {
            await tracking.RequestAsync(postmortem, items, cancellationToken);
        }

        var opened = await OpenIssuesAsync(items, postmortem, cancellationToken);
        var (tracked, trackingFailure) = await KeepTrackingAsync(postmortem, cancellationToken);
        await _effects.KeepAsync(tracked, cancellationToken);
        trackingFailure?.Throw();
        return (opened, tracked);
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
