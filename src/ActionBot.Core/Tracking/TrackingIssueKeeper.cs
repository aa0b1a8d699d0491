using ActionBot.Core.Ports;

namespace ActionBot.Core.Tracking;

/// <summary>
/// Keeps a postmortem's tracking issue (INTERFACES §5): opened once (<see cref="IssueOpener"/>, with its own marker),
/// each item's issue attached once as a GitHub sub-issue (<see cref="SubIssueAttacher"/>), its title and body kept in
/// line with the postmortem (an edit when they change), and its state following its sub-issues: closed when all are
/// closed, reopened when one reopens. It is the only issue whose state the bot changes, and only when what its
/// sub-issues call for differs from the state the bot last gave it, so a person's own close or reopen stands until
/// the sub-issues change again. Callers hold the ingestion lease (<see cref="PostmortemIngestion.OneAtATime"/>), except
/// <see cref="FollowIssueAsync"/>, which takes it.
/// </summary>
public sealed class TrackingIssueKeeper(
    IActionItemStore store,
    IIssueTracker tracker,
    ITrackingIssuePolicy policy,
    IssueOpener opener,
    IJobLease leases,
    TimeProvider time)
{
    private readonly SubIssueAttacher _attacher = new(store, tracker, time, opener.Rule);

    /// <summary>
    /// Decides, before any of its issues is opened, that the postmortem gets a tracking issue: recorded, so that a crash
    /// anywhere after leaves work that recovery finishes. Not when the repository has tracking off, or nothing will
    /// have an issue (no item, or every item done when merged).
    /// </summary>
    public async Task RequestAsync(TrackedPostmortem postmortem, IReadOnlyList<TrackedItem> items, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(postmortem);
        ArgumentNullException.ThrowIfNull(items);
        var stored = await store.GetPostmortemAsync(postmortem.Repository, postmortem.Path, cancellationToken);
        if (stored is null || stored.Tracking.RequestedAt is not null || !policy.IsOn(postmortem.Repository)
            || !items.Any(i => !i.Removed && (i.IssueNumber is not null || i.State == ItemState.Open)))
        {
            return;
        }

        await store.SaveTrackingAsync(postmortem.Repository, postmortem.Path, stored.Tracking with { RequestedAt = time.GetUtcNow() }, cancellationToken);
    }

    /// <summary>
    /// Brings the tracking issue of a postmortem in line with its items (opened, attached, written, open or closed), when
    /// one was requested and the repository has tracking on. Returns the postmortem as stored now.
    /// </summary>
    public async Task<TrackedPostmortem?> KeepAsync(string repository, string path, CancellationToken cancellationToken)
    {
        var postmortem = await store.GetPostmortemAsync(repository, path, cancellationToken);
        if (postmortem is null || postmortem.Tracking.RequestedAt is null || !policy.IsOn(repository))
        {
            return postmortem;
        }

        var items = await store.GetItemsAsync(repository, path, cancellationToken);
        postmortem = await EnsureOpenAsync(postmortem, items, cancellationToken);
        var parent = postmortem.Tracking;
        items = await _attacher.AttachAsync(parent.Repository!, parent.Number!.Value, items, cancellationToken);
        postmortem = await EnsureWrittenAsync(postmortem, items, cancellationToken);
        return await EnsureStateAsync(postmortem, items, cancellationToken);
    }

    /// <summary>
    /// An item's issue was closed or reopened (a webhook, or the reconcile pass): closes or reopens its postmortem's
    /// tracking issue when all its sub-issues are closed now, or one is open again. True when it changed the state.
    /// </summary>
    public async Task<bool> FollowIssueAsync(string issueRepository, int issueNumber, CancellationToken cancellationToken)
    {
        if (await store.GetItemByIssueAsync(issueRepository, issueNumber, cancellationToken) is not { } item
            || await store.GetPostmortemAsync(item.Repository, item.Path, cancellationToken) is not { Tracking.Number: not null })
        {
            return false;
        }

        // Read again under the lease: an ingestion of the same postmortem may have changed its items meanwhile.
        await using var lease = await leases.AcquireAsync(PostmortemIngestion.OneAtATime, cancellationToken);
        var postmortem = await store.GetPostmortemAsync(item.Repository, item.Path, cancellationToken);
        if (postmortem is null || !policy.IsOn(postmortem.Repository))
        {
            return false;
        }

        var before = postmortem.Tracking.State;
        var items = await store.GetItemsAsync(item.Repository, item.Path, cancellationToken);
        return (await EnsureStateAsync(postmortem, items, cancellationToken)).Tracking.State != before;
    }

    private async Task<TrackedPostmortem> EnsureOpenAsync(TrackedPostmortem postmortem, IReadOnlyList<TrackedItem> items, CancellationToken cancellationToken)
    {
        var tracking = postmortem.Tracking;
        if (tracking.Number is not null)
        {
            return postmortem;
        }

        var repository = tracking.Repository ?? postmortem.IssueRepository;
        var key = IssueMarker.PostmortemKeyFor(postmortem.Repository, postmortem.Path);
        var draft = TrackingIssueWriter.Draft(postmortem, items);
        var attempted = tracking.AttemptedAt;
        var issue = await opener.OpenOnceAsync(
            new OneIssue(
                repository,
                draft,
                tracking.AttemptedAt,
                async (at, token) =>
                {
                    attempted = at;
                    await SaveAsync(postmortem, tracking with { AttemptedAt = at, Repository = repository }, token);
                },
                (since, token) => tracker.FindTrackingIssueAsync(repository, key, since, token)),
            cancellationToken);

        // Opened in this attempt, it carries this draft; found from an earlier attempt (a crash), it may carry an older
        // one: no hash then, so it is written again.
        tracking = tracking with
        {
            AttemptedAt = attempted,
            Repository = repository,
            Number = issue.Number,
            Url = issue.Url,
            State = ItemState.Open,
            BodyHash = tracking.AttemptedAt is null ? TrackingIssueWriter.Hash(draft) : null,
        };
        await SaveAsync(postmortem, tracking, cancellationToken);
        return postmortem with { Tracking = tracking };
    }

    private async Task<TrackedPostmortem> EnsureWrittenAsync(TrackedPostmortem postmortem, IReadOnlyList<TrackedItem> items, CancellationToken cancellationToken)
    {
        var draft = TrackingIssueWriter.Draft(postmortem, items);
        var hash = TrackingIssueWriter.Hash(draft);
        if (hash == postmortem.Tracking.BodyHash)
        {
            return postmortem;
        }

        // An edit sets the title and body: repeating it after a crash before the record writes the same again.
        await tracker.UpdateAsync(postmortem.Tracking.Repository!, postmortem.Tracking.Number!.Value, draft, cancellationToken);
        return await SaveAsync(postmortem, postmortem.Tracking with { BodyHash = hash }, cancellationToken);
    }

    private async Task<TrackedPostmortem> EnsureStateAsync(TrackedPostmortem postmortem, IReadOnlyList<TrackedItem> items, CancellationToken cancellationToken)
    {
        var tracking = postmortem.Tracking;
        var subIssues = items.Where(i => i.IssueNumber is not null && (i.AttachedAt is not null || !i.Removed)).ToList();
        if (tracking.Number is not { } number || subIssues.Count == 0)
        {
            return postmortem;
        }

        var wanted = subIssues.All(i => i.State == ItemState.Closed) ? ItemState.Closed : ItemState.Open;
        if (wanted == tracking.State)
        {
            return postmortem;
        }

        await tracker.SetStateAsync(tracking.Repository!, number, wanted, cancellationToken);
        return await SaveAsync(postmortem, tracking with { State = wanted }, cancellationToken);
    }

    private async Task<TrackedPostmortem> SaveAsync(TrackedPostmortem postmortem, TrackingRecord tracking, CancellationToken cancellationToken)
    {
        await store.SaveTrackingAsync(postmortem.Repository, postmortem.Path, tracking, cancellationToken);
        return postmortem with { Tracking = tracking };
    }
}
