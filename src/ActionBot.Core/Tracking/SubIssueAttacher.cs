using ActionBot.Core.Ports;

namespace ActionBot.Core.Tracking;

/// <summary>
/// Attaches each item's issue to its postmortem's tracking issue exactly once, as <see cref="IssueOpener"/> opens
/// issues: the attempt is recorded before GitHub is called; an item with an attempt on record and no attach may have
/// been attached by a call whose answer was lost, so the parent's sub-issues are listed (once for all such items)
/// before anything is attached again; an answer lost now is settled after a short pause by listing them again. GitHub
/// refusing (422) ends it too: the issue is there already, or a person put it under another parent, which stands.
/// </summary>
internal sealed class SubIssueAttacher(IActionItemStore store, IIssueTracker tracker, TimeProvider time, UncertainWriteRule rule)
{
    /// <summary>Attaches what is not attached yet; returns the items as recorded now.</summary>
    public async Task<IReadOnlyList<TrackedItem>> AttachAsync(string repository, int parent, IReadOnlyList<TrackedItem> items, CancellationToken cancellationToken)
    {
        var current = items.ToDictionary(i => i.Key);
        var waiting = items.Where(i => i.IssueNumber is not null && !i.Removed && i.AttachedAt is null).OrderBy(i => i.Line).ToList();
        if (waiting.Count == 0)
        {
            return items;
        }

        if (waiting.Any(i => i.AttachAttemptedAt is not null))
        {
            var attached = await ListAsync(repository, parent, cancellationToken);
            foreach (var item in waiting.Where(i => i.IssueId is { } id && attached.Contains(id)).ToList())
            {
                current[item.Key] = await RecordAsync(item, cancellationToken);
                waiting.Remove(item);
            }
        }

        foreach (var item in waiting)
        {
            current[item.Key] = await AttachOneAsync(repository, parent, await WithIdAsync(item, cancellationToken), cancellationToken);
        }

        return [.. items.Select(i => current[i.Key])];
    }

    private async Task<TrackedItem> AttachOneAsync(string repository, int parent, TrackedItem item, CancellationToken cancellationToken)
    {
        var id = item.IssueId!.Value;
        var now = time.GetUtcNow();
        await store.MarkAttachAttemptAsync(item.Key, now, cancellationToken);
        for (var round = 1; ; round++)
        {
            try
            {
                // A refusal is settled too: attached already (listing would say so) or under a parent a person chose.
                _ = await tracker.AttachSubIssueAsync(repository, parent, id, cancellationToken);
                return await RecordAsync(item, cancellationToken);
            }
            catch (UncertainWriteException) when (round < rule.Rounds)
            {
                // Never a blind retry: the lost answer may hide an attach, which the parent's sub-issues show.
                await Task.Delay(rule.Pause, time, cancellationToken);
                if ((await ListAsync(repository, parent, cancellationToken)).Contains(id))
                {
                    return await RecordAsync(item, cancellationToken);
                }
            }
        }
    }

    // Issues opened before ids were recorded: GitHub's id is read once and kept.
    private async Task<TrackedItem> WithIdAsync(TrackedItem item, CancellationToken cancellationToken)
    {
        if (item.IssueId is not null)
        {
            return item;
        }

        var issue = await tracker.GetIssueAsync(item.IssueRepository, item.IssueNumber!.Value, cancellationToken);
        await store.RecordIssueAsync(item.Key, issue, cancellationToken);
        return item with { IssueId = issue.Id };
    }

    private async Task<HashSet<long>> ListAsync(string repository, int parent, CancellationToken cancellationToken) =>
        [.. await tracker.ListSubIssueIdsAsync(repository, parent, cancellationToken)];

    private async Task<TrackedItem> RecordAsync(TrackedItem item, CancellationToken cancellationToken)
    {
        var at = time.GetUtcNow();
        await store.RecordAttachedAsync(item.Key, at, cancellationToken);
        return item with { AttachedAt = at };
    }
}
