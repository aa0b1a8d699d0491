using ActionBot.Core.Ports;

namespace ActionBot.Core.Tracking;

/// <summary>
/// The effects a reading of a postmortem promises (<see cref="Of"/>), stored with its items, and their keeping
/// (<see cref="KeepAsync"/>): each is done and then marked done, so a crash in between does it again, harmlessly
/// (<see cref="PendingEffect"/>). An announcement waits until every issue it lists is open.
/// </summary>
internal sealed class PromisedEffects(IActionItemStore store, IIssueTracker tracker, IChatNotifier chat, ICrashPoints crashPoints)
{
    public static IReadOnlyList<PendingEffect> Of(TrackedPostmortem postmortem, ItemMatches matches, IReadOnlyList<TrackedItem> added, string? channelId, DateTimeOffset now)
    {
        var effects = new List<PendingEffect>();
        var announced = added.Where(i => i.State == ItemState.Open).Select(i => i.Key).ToList();
        if (announced.Count > 0)
        {
            effects.Add(new PendingEffect(PostmortemAnnouncement.KeyOf(postmortem), EffectKind.Announce, postmortem.Repository, postmortem.Path, announced, now) { ChannelId = channelId });
        }

        foreach (var (known, _) in matches.Reworded.Where(m => m.Known.IssueNumber is not null))
        {
            effects.Add(new PendingEffect($"rewrite:{known.Key}", EffectKind.RewriteIssue, postmortem.Repository, postmortem.Path, [known.Key], now));
        }

        // A task that left the postmortem keeps its issue open: people decide; the issue is told why.
        foreach (var removed in matches.Removed.Where(i => i.IssueNumber is not null && i.State == ItemState.Open))
        {
            var key = $"removed:{removed.Key}:{postmortem.CommitSha}";
            var comment = $"""
                This task no longer appears in `{removed.Path}` as merged in {postmortem.PullRequestUrl ?? postmortem.CommitSha}. If it is no longer needed, close this issue; ActionBot will not close it by itself.

                {Marker(key)}
                """;
            effects.Add(new PendingEffect(key, EffectKind.CommentRemoved, postmortem.Repository, postmortem.Path, [removed.Key], now) { Comment = comment });
        }

        return effects;
    }

    /// <summary>Does the pending effects of <paramref name="postmortem"/> that can be done now, each then marked done.</summary>
    public async Task KeepAsync(TrackedPostmortem postmortem, CancellationToken cancellationToken)
    {
        var pending = (await store.GetPendingEffectsAsync(cancellationToken))
            .Where(e => e.Repository == postmortem.Repository && e.Path == postmortem.Path)
            .ToList();
        if (pending.Count == 0)
        {
            return;
        }

        var items = (await store.GetItemsAsync(postmortem.Repository, postmortem.Path, cancellationToken)).ToDictionary(i => i.Key, StringComparer.Ordinal);
        foreach (var effect in pending)
        {
            var listed = effect.ItemKeys.Select(items.GetValueOrDefault).OfType<TrackedItem>().ToList();
            if (await DoAsync(effect, postmortem, listed, cancellationToken))
            {
                await crashPoints.ReachedAsync(CrashPoint.EffectDone, cancellationToken);
                await store.CompleteEffectAsync(effect.Key, cancellationToken);
            }
        }
    }

    // False when the effect must wait (an announcement whose issues are not all open yet).
    private async Task<bool> DoAsync(PendingEffect effect, TrackedPostmortem postmortem, IReadOnlyList<TrackedItem> listed, CancellationToken cancellationToken)
    {
        switch (effect.Kind)
        {
            case EffectKind.Announce:
                // Items removed by a later edit before their issues opened are left out; the rest are announced together.
                var announced = listed.Where(i => !i.Removed).ToList();
                if (announced.Any(i => i.IssueNumber is null && i.State == ItemState.Open))
                {
                    return false;
                }

                if (announced.Where(i => i.IssueNumber is not null).ToList() is { Count: > 0 } opened)
                {
                    await chat.AnnounceAsync(new PostmortemAnnouncement(postmortem, effect.ChannelId, opened) { Key = effect.Key }, cancellationToken);
                }

                return true;
            case EffectKind.RewriteIssue:
                foreach (var item in listed.Where(i => i.IssueNumber is not null))
                {
                    await tracker.UpdateAsync(item.IssueRepository, item.IssueNumber!.Value, IssueWriter.Draft(item, postmortem), cancellationToken);
                }

                return true;
            case EffectKind.CommentRemoved:
                // Not if the task came back (a later edit) or its issue was closed meanwhile.
                foreach (var item in listed.Where(i => i.IssueNumber is not null && i.Removed && i.State == ItemState.Open))
                {
                    await tracker.CommentOnceAsync(item.IssueRepository, item.IssueNumber!.Value, effect.Comment ?? "", Marker(effect.Key), cancellationToken);
                }

                return true;
            default:
                throw new InvalidOperationException($"Unknown effect kind {effect.Kind} of {effect.Key}.");
        }
    }

    private static string Marker(string effectKey) => $"<!-- actionbot:{effectKey} -->";
}
