using System.Runtime.CompilerServices;
using ActionBot.Core.Ports;
using ActionBot.Core.Reminders;
using ActionBot.Core.Tracking;

namespace ActionBot.Core.Tests.Tracking;

/// <summary>The store port over a dictionary, honouring the port's upsert contract.</summary>
internal sealed class InMemoryStore : IActionItemStore
{
    public Dictionary<string, TrackedItem> Items { get; } = [];
    public Dictionary<(string, string), TrackedPostmortem> Postmortems { get; } = [];
    public Dictionary<string, PendingEffect> Effects { get; } = [];

    private Dictionary<string, DateTimeOffset> StateChangedAt { get; } = [];

    // As the SQL stores do: the tracking record is kept; only SaveTrackingAsync changes it.
    public Task SavePostmortemAsync(TrackedPostmortem postmortem, CancellationToken cancellationToken)
    {
        var key = (postmortem.Repository, postmortem.Path);
        Postmortems[key] = postmortem with { Tracking = Postmortems.TryGetValue(key, out var known) ? known.Tracking : TrackingRecord.None };
        return Task.CompletedTask;
    }

    public Task<TrackedPostmortem?> GetPostmortemAsync(string repository, string path, CancellationToken cancellationToken) =>
        Task.FromResult(Postmortems.GetValueOrDefault((repository, path)));

    public Task<IReadOnlyList<TrackedItem>> GetItemsAsync(string repository, string path, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<TrackedItem>>(Items.Values.Where(i => i.Repository == repository && i.Path == path).ToList());

    public Task UpsertItemsAsync(IReadOnlyList<TrackedItem> items, CancellationToken cancellationToken)
    {
        foreach (var item in items)
        {
            Items[item.Key] = Items.TryGetValue(item.Key, out var known)
                ? item with
                {
                    IssueNumber = known.IssueNumber, IssueUrl = known.IssueUrl, IssueId = known.IssueId, IssueAttemptedAt = known.IssueAttemptedAt,
                    AttachAttemptedAt = known.AttachAttemptedAt, AttachedAt = known.AttachedAt, BackfilledAt = known.BackfilledAt,
                    State = known.State, ClosedAt = known.ClosedAt, CreatedAt = known.CreatedAt,
                }
                : item;
        }

        return Task.CompletedTask;
    }

    public async Task SaveReadingAsync(TrackedPostmortem postmortem, IReadOnlyList<TrackedItem> items, IReadOnlyList<PendingEffect> effects, CancellationToken cancellationToken)
    {
        await SavePostmortemAsync(postmortem, cancellationToken);
        await UpsertItemsAsync(items, cancellationToken);
        foreach (var effect in effects)
        {
            Effects.TryAdd(effect.Key, effect);
        }
    }

    public Task<IReadOnlyList<PendingEffect>> GetPendingEffectsAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<PendingEffect>>(Effects.Values.OrderBy(e => e.CreatedAt).ThenBy(e => e.Key, StringComparer.Ordinal).ToList());

    public Task CompleteEffectAsync(string key, CancellationToken cancellationToken)
    {
        Effects.Remove(key);
        return Task.CompletedTask;
    }

    public Task MarkIssueAttemptAsync(string key, DateTimeOffset at, CancellationToken cancellationToken)
    {
        Items[key] = Items[key] with { IssueAttemptedAt = at };
        return Task.CompletedTask;
    }

    public Task RecordIssueAsync(string key, IssueRef issue, CancellationToken cancellationToken)
    {
        Items[key] = Items[key] with { IssueNumber = issue.Number, IssueUrl = issue.Url, IssueId = issue.Id ?? Items[key].IssueId };
        return Task.CompletedTask;
    }

    public Task MarkAttachAttemptAsync(string key, DateTimeOffset at, CancellationToken cancellationToken)
    {
        Items[key] = Items[key] with { AttachAttemptedAt = at };
        return Task.CompletedTask;
    }

    public Task RecordAttachedAsync(string key, DateTimeOffset at, CancellationToken cancellationToken)
    {
        Items[key] = Items[key] with { AttachedAt = at };
        return Task.CompletedTask;
    }

    public Task<bool> SaveTrackingAsync(string repository, string path, TrackingRecord tracking, CancellationToken cancellationToken)
    {
        if (!Postmortems.TryGetValue((repository, path), out var postmortem))
        {
            return Task.FromResult(false);
        }

        Postmortems[(repository, path)] = postmortem with { Tracking = tracking };
        return Task.FromResult(true);
    }

    public Task<IReadOnlyList<TrackedPostmortem>> GetPostmortemsAwaitingTrackingAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<TrackedPostmortem>>(Postmortems.Values
            .Where(p => p.Tracking.RequestedAt is not null && (p.Tracking.Number is null || Items.Values.Any(i =>
                i.Repository == p.Repository && i.Path == p.Path && i.IssueNumber is not null && !i.Removed && i.AttachedAt is null)))
            .ToList());

    public Task<TrackedItem?> GetItemByIssueAsync(string issueRepository, int issueNumber, CancellationToken cancellationToken) =>
        Task.FromResult(Items.Values.FirstOrDefault(i => i.IssueRepository == issueRepository && i.IssueNumber == issueNumber));

    public Task<bool> SetIssueStateAsync(string issueRepository, int issueNumber, ItemState state, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var item = Items.Values.FirstOrDefault(i => i.IssueRepository == issueRepository && i.IssueNumber == issueNumber);
        if (item is null || (StateChangedAt.TryGetValue(item.Key, out var last) && last > at))
        {
            return Task.FromResult(false);
        }

        Items[item.Key] = item with { State = state };
        StateChangedAt[item.Key] = at;
        return Task.FromResult(true);
    }

    public Task<bool> SetIssueOwnersAsync(string issueRepository, int issueNumber, IReadOnlyList<string> owners, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var item = Items.Values.FirstOrDefault(i => i.IssueRepository == issueRepository && i.IssueNumber == issueNumber);
        if (item is not null)
        {
            Items[item.Key] = item with { Owners = owners };
        }

        return Task.FromResult(item is not null);
    }

    public Task<IReadOnlyList<TrackedItem>> QueryItemsAsync(ItemQuery query, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<TrackedItem>>(Items.Values.ToList());

    public Task<IReadOnlyList<ItemSummary>> ListItemSummariesAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ItemSummary>>(Items.Values.Where(i => !i.Removed).Select(ItemSummary.Of).ToList());

    public Task<ItemPage> PageItemsAsync(ItemQuery query, ItemPosition? after, int limit, CancellationToken cancellationToken) =>
        Task.FromResult(ItemPage.Slice(Items.Values, query, after, limit));

    public Task<IReadOnlyList<TrackedItem>> GetItemsAwaitingIssueAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<TrackedItem>>(Items.Values.Where(i => i.IssueNumber is null && !i.Removed && i.State == ItemState.Open).ToList());

    public Task<bool> SnoozeAsync(string key, DateTimeOffset until, DateTimeOffset at, CancellationToken cancellationToken)
    {
        if (!Items.TryGetValue(key, out var item))
        {
            return Task.FromResult(false);
        }

        Items[key] = item with { SnoozedUntil = until, UpdatedAt = at };
        return Task.FromResult(true);
    }

    public Task<IReadOnlyList<TrackedPostmortem>> ListPostmortemsAsync(string? repository, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<TrackedPostmortem>>(Postmortems.Values
            .Where(p => repository is null || string.Equals(p.Repository, repository, StringComparison.OrdinalIgnoreCase))
            .OrderByDescending(p => p.MergedAt).ToList());

    public Task<IReadOnlyList<string>> GetIssueRepositoriesAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>>(Items.Values.Select(i => i.IssueRepository).Distinct().ToList());
}

/// <summary>An issue tracker in memory that can lose the answer to a create or an attach, as a dropped connection would.</summary>
internal sealed class InMemoryTracker : IIssueTracker
{
    public List<(int Number, IssueDraft Draft, ItemState State)> Issues { get; } = [];

    /// <summary>Sub-issue ids (an issue's id is 1000 + its number) by parent number.</summary>
    public Dictionary<int, List<long>> SubIssues { get; } = [];

    /// <summary>The next attaches fail with <see cref="UncertainWriteException"/>: true, after attaching; false, before.</summary>
    public Queue<bool> UncertainAttaches { get; } = new();

    /// <summary>Attaches of ids this matches attach, then lose the answer (once each), as a crash right after would.</summary>
    public Func<long, bool>? LoseAttachAnswerOf { get; set; }

    public int AttachCalls { get; private set; }

    public int ListSubIssueCalls { get; private set; }

    public List<(int Number, ItemState State)> StateChanges { get; } = [];

    public static long IdOf(int number) => 1000 + number;
    public List<(int Number, string Body)> Comments { get; } = [];
    public int LoseNextCreateAnswers { get; set; }

    /// <summary>Creates of drafts this matches create the issue, then lose the answer (once each), as a crash right after would.</summary>
    public Func<IssueDraft, bool>? LoseAnswerOf { get; set; }

    public int UpdateCalls { get; private set; }

    /// <summary>The next creates fail with <see cref="UncertainWriteException"/>: true, after creating the issue; false, before.</summary>
    public Queue<bool> UncertainCreates { get; } = new();

    public int CreateCalls { get; private set; }

    public int FindCalls { get; private set; }

    public Task EnsureLabelsAsync(string issueRepository, IReadOnlyList<string> labels, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<IssueRef?> FindByItemKeyAsync(string issueRepository, string itemKey, DateTimeOffset since, CancellationToken cancellationToken)
    {
        FindCalls++;
        var found = Issues.FirstOrDefault(i => IssueMarker.Find(i.Draft.Body) == itemKey);
        return Task.FromResult(found.Draft is null ? null : Ref(found.Number));
    }

    public Task<IssueRef?> FindTrackingIssueAsync(string issueRepository, string postmortemKey, DateTimeOffset since, CancellationToken cancellationToken)
    {
        FindCalls++;
        var found = Issues.FirstOrDefault(i => IssueMarker.FindPostmortem(i.Draft.Body) == postmortemKey);
        return Task.FromResult(found.Draft is null ? null : Ref(found.Number));
    }

    public Task<IssueRef> GetIssueAsync(string issueRepository, int number, CancellationToken cancellationToken) => Task.FromResult<IssueRef>(Ref(number));

    public Task<SubIssueRefusal?> AttachSubIssueAsync(string issueRepository, int parentNumber, long subIssueId, CancellationToken cancellationToken)
    {
        AttachCalls++;
        var children = SubIssues.TryGetValue(parentNumber, out var list) ? list : SubIssues[parentNumber] = [];
        if (UncertainAttaches.TryDequeue(out var attached))
        {
            if (attached)
            {
                children.Add(subIssueId);
            }

            throw new UncertainWriteException("502 after the request was sent");
        }

        if (SubIssues.Values.Any(c => c.Contains(subIssueId)))
        {
            return Task.FromResult<SubIssueRefusal?>(new SubIssueRefusal(children.Contains(subIssueId) ? "Issue may not contain duplicate sub-issues" : "Sub issue may only have one parent"));
        }

        children.Add(subIssueId);
        if (LoseAttachAnswerOf?.Invoke(subIssueId) == true)
        {
            LoseAttachAnswerOf = null;
            throw new HttpRequestException("connection reset after the sub-issue was attached");
        }

        return Task.FromResult<SubIssueRefusal?>(null);
    }

    public Task<IReadOnlyList<long>> ListSubIssueIdsAsync(string issueRepository, int parentNumber, CancellationToken cancellationToken)
    {
        ListSubIssueCalls++;
        return Task.FromResult<IReadOnlyList<long>>(SubIssues.TryGetValue(parentNumber, out var children) ? [.. children] : []);
    }

    public Task SetStateAsync(string issueRepository, int number, ItemState state, CancellationToken cancellationToken)
    {
        Issues[number - 1] = Issues[number - 1] with { State = state };
        StateChanges.Add((number, state));
        return Task.CompletedTask;
    }

    public Task<IssueRef> CreateAsync(string issueRepository, IssueDraft draft, CancellationToken cancellationToken)
    {
        CreateCalls++;
        if (UncertainCreates.TryDequeue(out var created))
        {
            if (created)
            {
                Issues.Add((Issues.Count + 1, draft, ItemState.Open));
            }

            throw new UncertainWriteException("502 after the request was sent");
        }

        Issues.Add((Issues.Count + 1, draft, ItemState.Open));
        if (LoseAnswerOf?.Invoke(draft) == true)
        {
            LoseAnswerOf = null;
            throw new HttpRequestException("connection reset after the issue was created");
        }

        if (LoseNextCreateAnswers > 0)
        {
            LoseNextCreateAnswers--;
            throw new HttpRequestException("connection reset after the issue was created");
        }

        return Task.FromResult(Ref(Issues.Count));
    }

    public Task UpdateAsync(string issueRepository, int number, IssueDraft draft, CancellationToken cancellationToken)
    {
        UpdateCalls++;
        Issues[number - 1] = Issues[number - 1] with { Draft = draft };
        return Task.CompletedTask;
    }

    public async Task<bool> CommentOnceAsync(string issueRepository, int number, string body, string marker, CancellationToken cancellationToken)
    {
        if (Comments.Any(c => c.Number == number && c.Body.Contains(marker, StringComparison.Ordinal)))
        {
            return false;
        }

        await CommentAsync(issueRepository, number, body, cancellationToken);
        return true;
    }

    public Task CommentAsync(string issueRepository, int number, string body, CancellationToken cancellationToken)
    {
        Comments.Add((number, body));
        return Task.CompletedTask;
    }

    public async IAsyncEnumerable<IssueStatus> ListChangedSinceAsync(string issueRepository, DateTimeOffset since, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.CompletedTask;
        foreach (var (number, draft, state) in Issues.ToList())
        {
            yield return new IssueStatus(number, state, IssueMarker.Find(draft.Body), since);
        }
    }

    private static IssueRef Ref(int number) => new(number, $"https://github.example/acme/ops/issues/{number}", IdOf(number));
}

internal sealed class RecordingChat : IChatNotifier
{
    public List<PostmortemAnnouncement> Announcements { get; } = [];

    public Task AnnounceAsync(PostmortemAnnouncement announcement, CancellationToken cancellationToken)
    {
        Announcements.Add(announcement);
        return Task.CompletedTask;
    }

    public Task RemindAsync(ReminderMessage reminder, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task EscalateAsync(EscalationMessage escalation, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task PostDigestAsync(WeeklyDigest digest, CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>Tracking issues on or off for every repository.</summary>
internal sealed class TrackingIssues(bool on) : ITrackingIssuePolicy
{
    public bool IsOn(string repository) => on;
}
