using ActionBot.Core.Extraction;
using ActionBot.Core.Ports;

namespace ActionBot.Core.Tracking;

/// <summary>What one reading of a merged postmortem changed.</summary>
public sealed record IngestionReport(int Items, int Added, int Reworded, int Removed, IReadOnlyList<TrackedItem> IssuesOpened, IReadOnlyList<ExtractionWarning> Warnings);

/// <summary>
/// Turns a merged postmortem into tracked items and their issues. Safe to run again for the same file
/// (a redelivery, a retry after a crash): items are matched to what is stored, the intent is stored
/// before GitHub is called, and <see cref="IssueOpener"/> never opens an item's issue twice.
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
    private readonly ICrashPoints _crashPoints = crashPoints ?? NoCrashPoints.Instance;

    // Ingestion (a delivery) and recovery (the maintenance pass) each open issues for items they read beforehand: run
    // at once, here or in two replicas, both would open the same item's issue. One at a time across every replica
    // that shares the database, each reads what the other recorded.
    private const string OneAtATime = "postmortem-ingestion";

    public async Task<IngestionReport> IngestAsync(TrackedPostmortem merged, string markdown, string? channelId, CancellationToken cancellationToken)
    {
        await using var lease = await leases.AcquireAsync(OneAtATime, cancellationToken);
        return await IngestOneAsync(merged, markdown, channelId, cancellationToken);
    }

    /// <summary>Opens the issues that a crash or an outage left unopened.</summary>
    public async Task<IReadOnlyList<TrackedItem>> RecoverAsync(CancellationToken cancellationToken)
    {
        await using var lease = await leases.AcquireAsync(OneAtATime, cancellationToken);
        return await RecoverAllAsync(cancellationToken);
    }

    private async Task<IngestionReport> IngestOneAsync(TrackedPostmortem merged, string markdown, string? channelId, CancellationToken cancellationToken)
    {
        var result = extractor.Extract(markdown);
        var postmortem = merged with { Title = result.Title ?? merged.Title, Date = result.Date };
        await store.SavePostmortemAsync(postmortem, cancellationToken);

        var known = await store.GetItemsAsync(postmortem.Repository, postmortem.Path, cancellationToken);
        var matches = ItemMatcher.Match(known, result.Items);
        var now = time.GetUtcNow();
        var current = matches.Unchanged.Concat(matches.Reworded).Select(m => Refresh(m.Known, m.Current, now))
            .Concat(matches.Added.Select(item => New(postmortem, item, now)))
            .ToList();
        await store.UpsertItemsAsync(current, cancellationToken);
        await _crashPoints.ReachedAsync(CrashPoint.ReadingStored, cancellationToken);

        var opened = await OpenIssuesAsync(current, postmortem, cancellationToken);
        foreach (var (knownItem, _) in matches.Reworded.Where(m => m.Known.IssueNumber is not null))
        {
            var item = current.First(i => i.Key == knownItem.Key);
            await tracker.UpdateAsync(item.IssueRepository, item.IssueNumber!.Value, IssueWriter.Draft(item, postmortem), cancellationToken);
            await _crashPoints.ReachedAsync(CrashPoint.EffectDone, cancellationToken);
        }

        await MarkRemovedAsync(matches.Removed, postmortem, now, cancellationToken);
        if (opened.Count > 0)
        {
            await chat.AnnounceAsync(new PostmortemAnnouncement(postmortem, channelId, opened), cancellationToken);
            await _crashPoints.ReachedAsync(CrashPoint.EffectDone, cancellationToken);
        }

        return new IngestionReport(result.Items.Count, matches.Added.Count, matches.Reworded.Count, matches.Removed.Count, opened, result.Warnings);
    }

    private async Task<IReadOnlyList<TrackedItem>> RecoverAllAsync(CancellationToken cancellationToken)
    {
        var opened = new List<TrackedItem>();
        foreach (var group in (await store.GetItemsAwaitingIssueAsync(cancellationToken)).GroupBy(i => (i.Repository, i.Path)))
        {
            if (await store.GetPostmortemAsync(group.Key.Repository, group.Key.Path, cancellationToken) is { } postmortem)
            {
                opened.AddRange(await OpenIssuesAsync(group.ToList(), postmortem, cancellationToken));
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
        await _crashPoints.ReachedAsync(CrashPoint.LabelsEnsured, cancellationToken);
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
            await _crashPoints.ReachedAsync(CrashPoint.EffectDone, cancellationToken);
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
}
