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

    public Task SavePostmortemAsync(TrackedPostmortem postmortem, CancellationToken cancellationToken)
    {
        Postmortems[(postmortem.Repository, postmortem.Path)] = postmortem;
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
                ? item with { IssueNumber = known.IssueNumber, IssueUrl = known.IssueUrl, IssueAttemptedAt = known.IssueAttemptedAt, State = known.State, ClosedAt = known.ClosedAt, CreatedAt = known.CreatedAt }
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

    public Task RecordIssueAsync(string key, int issueNumber, string issueUrl, CancellationToken cancellationToken)
    {
        Items[key] = Items[key] with { IssueNumber = issueNumber, IssueUrl = issueUrl };
        return Task.CompletedTask;
    }

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

/// <summary>An issue tracker in memory that can lose the answer to a create, as a dropped connection would.</summary>
internal sealed class InMemoryTracker : IIssueTracker
{
    public List<(int Number, IssueDraft Draft, ItemState State)> Issues { get; } = [];
    public List<(int Number, string Body)> Comments { get; } = [];
    public int LoseNextCreateAnswers { get; set; }

    /// <summary>The next creates fail with <see cref="UncertainWriteException"/>: true, after creating the issue; false, before.</summary>
    public Queue<bool> UncertainCreates { get; } = new();

    public int CreateCalls { get; private set; }

    public int FindCalls { get; private set; }

    public Task EnsureLabelsAsync(string issueRepository, IReadOnlyList<string> labels, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<IssueRef?> FindByItemKeyAsync(string issueRepository, string itemKey, DateTimeOffset since, CancellationToken cancellationToken)
    {
        FindCalls++;
        var found = Issues.FirstOrDefault(i => IssueMarker.Find(i.Draft.Body) == itemKey);
        return Task.FromResult(found.Draft is null ? null : new IssueRef(found.Number, Url(found.Number)));
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
        if (LoseNextCreateAnswers > 0)
        {
            LoseNextCreateAnswers--;
            throw new HttpRequestException("connection reset after the issue was created");
        }

        return Task.FromResult(new IssueRef(Issues.Count, Url(Issues.Count)));
    }

    public Task UpdateAsync(string issueRepository, int number, IssueDraft draft, CancellationToken cancellationToken)
    {
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
        foreach (var (number, draft, state) in Issues)
        {
            yield return new IssueStatus(number, state, IssueMarker.Find(draft.Body), since);
        }
    }

    private static string Url(int number) => $"https://github.example/acme/ops/issues/{number}";
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
