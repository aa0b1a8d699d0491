using ActionBot.Core.Tracking;
using ActionBot.Storage.Tests.TestKit;

namespace ActionBot.Storage.Tests.Contracts;

/// <summary>
/// How every store saves a reading of a postmortem, whatever the database: the postmortem, its items and the effects
/// the reading promises, all or nothing; the effects kept until marked done.
/// </summary>
public abstract class ActionItemStoreReadingContract : IAsyncLifetime
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly StorageTestDatabase _database;

    private protected ActionItemStoreReadingContract(StorageTestDatabase database) => _database = database;

    public Task InitializeAsync() => _database.InitializeAsync();

    public Task DisposeAsync() => _database.DisposeAsync().AsTask();

    private DateTimeOffset Now => _database.Time.GetUtcNow();

    [StorageFact]
    public async Task A_saved_reading_reads_back_with_its_promised_effects_which_are_kept_until_done()
    {
        var store = await _database.StoreAsync();
        var (a, b) = (Tracked.Item("a"), Tracked.Item("b"));
        PendingEffect[] effects =
        [
            new("announce:acme/ops:p:c1", EffectKind.Announce, Tracked.Repository, Tracked.Path, [a.Key, b.Key], Now) { ChannelId = "950000000000000001" },
            new($"removed:{a.Key}:c1", EffectKind.CommentRemoved, Tracked.Repository, Tracked.Path, [a.Key], Now) { Comment = "Gone. <!-- m -->" },
            new($"rewrite:{b.Key}", EffectKind.RewriteIssue, Tracked.Repository, Tracked.Path, [b.Key], Now.AddSeconds(1)),
        ];

        await store.SaveReadingAsync(Tracked.Postmortem(), [a, b], effects, None);

        Assert.Equal(Tracked.Postmortem(), await store.GetPostmortemAsync(Tracked.Repository, Tracked.Path, None));
        Assert.Equal(2, (await store.GetItemsAsync(Tracked.Repository, Tracked.Path, None)).Count);
        Assert.Equal(effects, await store.GetPendingEffectsAsync(None), new EffectComparer());

        await store.CompleteEffectAsync(effects[1].Key, None);
        await store.CompleteEffectAsync("unknown", None);
        var restarted = await _database.StoreAsync();
        Assert.Equal([effects[0], effects[2]], await restarted.GetPendingEffectsAsync(None), new EffectComparer());
    }

    [StorageFact]
    public async Task The_same_promise_made_again_keeps_the_first()
    {
        var store = await _database.StoreAsync();
        var item = Tracked.Item("a");
        var first = new PendingEffect($"removed:{item.Key}:c1", EffectKind.CommentRemoved, Tracked.Repository, Tracked.Path, [item.Key], Now) { Comment = "first" };

        await store.SaveReadingAsync(Tracked.Postmortem(), [item], [first], None);
        await store.SaveReadingAsync(Tracked.Postmortem(), [item], [first with { Comment = "second", CreatedAt = Now.AddMinutes(1) }], None);

        Assert.Equal([first], await store.GetPendingEffectsAsync(None), new EffectComparer());
    }

    [StorageFact]
    public async Task A_reading_that_cannot_be_stored_whole_leaves_nothing_of_itself()
    {
        var store = await _database.StoreAsync();
        var (a, b) = (Tracked.Item("a") with { IssueNumber = 7, IssueUrl = "u7" }, Tracked.Item("b") with { IssueNumber = 7, IssueUrl = "u7" });
        var effect = new PendingEffect("announce:acme/ops:p:c1", EffectKind.Announce, Tracked.Repository, Tracked.Path, [a.Key], Now);

        // Two items cannot have the same issue: the second violates the unique index, after the postmortem and the first item.
        await Assert.ThrowsAnyAsync<Exception>(() => store.SaveReadingAsync(Tracked.Postmortem(), [a, b], [effect], None));

        Assert.Null(await store.GetPostmortemAsync(Tracked.Repository, Tracked.Path, None));
        Assert.Empty(await store.GetItemsAsync(Tracked.Repository, Tracked.Path, None));
        Assert.Empty(await store.GetPendingEffectsAsync(None));
    }

    private sealed class EffectComparer : IEqualityComparer<PendingEffect>
    {
        public bool Equals(PendingEffect? x, PendingEffect? y) =>
            x is not null && y is not null && Fields(x) == Fields(y) && x.ItemKeys.SequenceEqual(y.ItemKeys);

        public int GetHashCode(PendingEffect obj) => obj.Key.GetHashCode(StringComparison.Ordinal);

        private static (string, EffectKind, string, string, string?, string?, DateTimeOffset) Fields(PendingEffect e) =>
            (e.Key, e.Kind, e.Repository, e.Path, e.ChannelId, e.Comment, e.CreatedAt);
    }
}
