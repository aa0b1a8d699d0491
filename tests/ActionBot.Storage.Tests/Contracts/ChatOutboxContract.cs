using ActionBot.Core.Ports;
using ActionBot.Storage.Tests.TestKit;

namespace ActionBot.Storage.Tests.Contracts;

/// <summary>How every <see cref="SqlChatOutbox"/> behaves, whatever the database, and replicas sharing one outbox.</summary>
public abstract class ChatOutboxContract : IAsyncLifetime
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);
    private readonly StorageTestDatabase _database;

    private protected ChatOutboxContract(StorageTestDatabase database) => _database = database;

    public Task InitializeAsync() => _database.InitializeAsync();

    public Task DisposeAsync() => _database.DisposeAsync().AsTask();

    private DateTimeOffset Now => _database.Time.GetUtcNow();

    private OutgoingMessage Message(string key, string payload = "{\"pages\":[\"hi\"]}") => new(key, "channel:1", payload, Now);

    [StorageFact]
    public async Task A_message_is_stored_once_per_key_and_claimed_with_its_payload()
    {
        var outbox = await _database.ChatOutboxAsync();

        Assert.True(await outbox.TryEnqueueAsync(Message("announce:a"), None));
        Assert.False(await outbox.TryEnqueueAsync(Message("announce:a", "{\"other\":1}"), None));
        var claimed = await outbox.ClaimNextAsync(Now, Lease, None);

        Assert.NotNull(claimed);
        Assert.Equal(("announce:a", "channel:1", "{\"pages\":[\"hi\"]}", Now, 1), (claimed.Key, claimed.Destination, claimed.Payload, claimed.CreatedAt, claimed.Attempts));
        Assert.Null(await outbox.ClaimNextAsync(Now, Lease, None));
    }

    [StorageFact]
    public async Task A_sent_message_is_never_claimed_again_and_its_key_stays_known()
    {
        var outbox = await _database.ChatOutboxAsync();
        await outbox.TryEnqueueAsync(Message("k"), None);
        await outbox.ClaimNextAsync(Now, Lease, None);

        await outbox.MarkSentAsync("k", Now, None);
        _database.Time.Advance(TimeSpan.FromHours(1));

        Assert.Null(await outbox.ClaimNextAsync(Now, Lease, None));
        Assert.False(await outbox.TryEnqueueAsync(Message("k"), None));
        Assert.Equal(0, await outbox.CountPendingAsync(None));
    }

    [StorageFact]
    public async Task A_message_put_back_waits_until_its_retry_time_and_counts_its_attempts()
    {
        var outbox = await _database.ChatOutboxAsync();
        await outbox.TryEnqueueAsync(Message("k"), None);
        await outbox.ClaimNextAsync(Now, Lease, None);

        await outbox.RetryLaterAsync("k", "503", Now.AddSeconds(30), None);

        Assert.Null(await outbox.ClaimNextAsync(Now.AddSeconds(29), Lease, None));
        var again = await outbox.ClaimNextAsync(Now.AddSeconds(30), Lease, None);
        Assert.Equal(2, again?.Attempts);
        Assert.Equal(1, await outbox.CountPendingAsync(None));
    }

    [StorageFact]
    public async Task A_claim_whose_sender_died_is_claimed_again_when_its_lease_runs_out()
    {
        var outbox = await _database.ChatOutboxAsync();
        await outbox.TryEnqueueAsync(Message("k"), None);
        await outbox.ClaimNextAsync(Now, Lease, None);

        Assert.Null(await outbox.ClaimNextAsync(Now + Lease - TimeSpan.FromSeconds(1), Lease, None));
        Assert.Equal("k", (await outbox.ClaimNextAsync(Now + Lease, Lease, None))?.Key);
    }

    [StorageFact]
    public async Task A_failed_message_is_kept_with_its_reason_and_not_claimed()
    {
        var outbox = await _database.ChatOutboxAsync();
        await outbox.TryEnqueueAsync(Message("k"), None);
        await outbox.ClaimNextAsync(Now, Lease, None);

        await outbox.FailAsync("k", "403: Missing Access", Now, None);

        Assert.Null(await outbox.ClaimNextAsync(Now.AddDays(1), Lease, None));
        var rows = await _database.QueryAsync<(string, string)>("SELECT status, last_error FROM chat_outbox WHERE message_key = 'k'");
        Assert.Equal(("failed", "403: Missing Access"), rows.Single());
    }

    [StorageFact]
    public async Task Messages_are_claimed_oldest_first()
    {
        var outbox = await _database.ChatOutboxAsync();
        await outbox.TryEnqueueAsync(Message("first"), None);
        _database.Time.Advance(TimeSpan.FromSeconds(1));
        await outbox.TryEnqueueAsync(Message("second"), None);

        Assert.Equal("first", (await outbox.ClaimNextAsync(Now, Lease, None))?.Key);
        Assert.Equal("second", (await outbox.ClaimNextAsync(Now, Lease, None))?.Key);
    }

    [StorageFact]
    public async Task Changing_an_unknown_message_is_an_error()
    {
        var outbox = await _database.ChatOutboxAsync();

        await Assert.ThrowsAsync<InvalidOperationException>(() => outbox.MarkSentAsync("nope", Now, None));
    }

    [StorageFact]
    public async Task Senders_of_three_replicas_claiming_at_once_each_claim_different_messages()
    {
        const int Messages = 150;
        var enqueuer = await _database.ChatOutboxAsync();
        for (var i = 0; i < Messages; i++)
        {
            await enqueuer.TryEnqueueAsync(Message($"m{i:000}") with { CreatedAt = Now.AddTicks(i - Messages) }, None);
        }

        var replicas = new[] { await _database.ChatOutboxAsync(), await _database.ChatOutboxAsync(), await _database.ChatOutboxAsync() };

        // A claimer can find nothing while the rest are locked by others; what is left is claimed afterwards. The point
        // is that no message is handed out twice.
        var claimedAtOnce = await Task.WhenAll(replicas.Select(outbox => Task.Run(async () =>
        {
            var mine = new List<OutgoingMessage>();
            while (await outbox.ClaimNextAsync(Now, Lease, None) is { } claimed)
            {
                mine.Add(claimed);
            }

            return mine;
        })));
        var claimedAfter = new List<OutgoingMessage>();
        while (await enqueuer.ClaimNextAsync(Now, Lease, None) is { } claimed)
        {
            claimedAfter.Add(claimed);
        }

        var all = claimedAtOnce.SelectMany(c => c).Concat(claimedAfter).ToList();
        Assert.Equal(Messages, all.Count);
        Assert.Equal(Messages, all.Select(m => m.Key).Distinct().Count());
        Assert.All(all, m => Assert.Equal(1, m.Attempts));
    }
}
