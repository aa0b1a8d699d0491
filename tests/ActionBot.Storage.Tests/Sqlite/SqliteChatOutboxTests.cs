using ActionBot.Core.Ports;
using ActionBot.Storage.Sqlite;
using ActionBot.Storage.Tests.TestKit;

namespace ActionBot.Storage.Tests.Sqlite;

public sealed class SqliteChatOutboxTests : IDisposable
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);
    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    private DateTimeOffset Now => _database.Time.GetUtcNow();

    private async Task<SqliteChatOutbox> OutboxAsync() => new(await _database.StartAsync());

    private OutgoingMessage Message(string key, string payload = "{\"pages\":[\"hi\"]}") => new(key, "channel:1", payload, Now);

    [Fact]
    public async Task A_message_is_stored_once_per_key_and_claimed_with_its_payload()
    {
        var outbox = await OutboxAsync();

        Assert.True(await outbox.TryEnqueueAsync(Message("announce:a"), None));
        Assert.False(await outbox.TryEnqueueAsync(Message("announce:a", "{\"other\":1}"), None));
        var claimed = await outbox.ClaimNextAsync(Now, Lease, None);

        Assert.NotNull(claimed);
        Assert.Equal(("announce:a", "channel:1", "{\"pages\":[\"hi\"]}", Now, 1), (claimed.Key, claimed.Destination, claimed.Payload, claimed.CreatedAt, claimed.Attempts));
        Assert.Null(await outbox.ClaimNextAsync(Now, Lease, None));
    }

    [Fact]
    public async Task A_sent_message_is_never_claimed_again_and_its_key_stays_known()
    {
        var outbox = await OutboxAsync();
        await outbox.TryEnqueueAsync(Message("k"), None);
        await outbox.ClaimNextAsync(Now, Lease, None);

        await outbox.MarkSentAsync("k", Now, None);
        _database.Time.Advance(TimeSpan.FromHours(1));

        Assert.Null(await outbox.ClaimNextAsync(Now, Lease, None));
        Assert.False(await outbox.TryEnqueueAsync(Message("k"), None));
        Assert.Equal(0, await outbox.CountPendingAsync(None));
    }

    [Fact]
    public async Task A_message_put_back_waits_until_its_retry_time_and_counts_its_attempts()
    {
        var outbox = await OutboxAsync();
        await outbox.TryEnqueueAsync(Message("k"), None);
        await outbox.ClaimNextAsync(Now, Lease, None);

        await outbox.RetryLaterAsync("k", "503", Now.AddSeconds(30), None);

        Assert.Null(await outbox.ClaimNextAsync(Now.AddSeconds(29), Lease, None));
        var again = await outbox.ClaimNextAsync(Now.AddSeconds(30), Lease, None);
        Assert.Equal(2, again?.Attempts);
        Assert.Equal(1, await outbox.CountPendingAsync(None));
    }

    [Fact]
    public async Task A_claim_whose_sender_died_is_claimed_again_when_its_lease_runs_out()
    {
        var outbox = await OutboxAsync();
        await outbox.TryEnqueueAsync(Message("k"), None);
        await outbox.ClaimNextAsync(Now, Lease, None);

        Assert.Null(await outbox.ClaimNextAsync(Now + Lease - TimeSpan.FromSeconds(1), Lease, None));
        Assert.Equal("k", (await outbox.ClaimNextAsync(Now + Lease, Lease, None))?.Key);
    }

    [Fact]
    public async Task A_failed_message_is_kept_with_its_reason_and_not_claimed()
    {
        var outbox = await OutboxAsync();
        await outbox.TryEnqueueAsync(Message("k"), None);
        await outbox.ClaimNextAsync(Now, Lease, None);

        await outbox.FailAsync("k", "403: Missing Access", Now, None);

        Assert.Null(await outbox.ClaimNextAsync(Now.AddDays(1), Lease, None));
        var rows = await _database.QueryAsync<(string, string)>("SELECT status, last_error FROM chat_outbox WHERE message_key = 'k'");
        Assert.Equal(("failed", "403: Missing Access"), rows.Single());
    }

    [Fact]
    public async Task Messages_are_claimed_oldest_first()
    {
        var outbox = await OutboxAsync();
        await outbox.TryEnqueueAsync(Message("first"), None);
        _database.Time.Advance(TimeSpan.FromSeconds(1));
        await outbox.TryEnqueueAsync(Message("second"), None);

        Assert.Equal("first", (await outbox.ClaimNextAsync(Now, Lease, None))?.Key);
        Assert.Equal("second", (await outbox.ClaimNextAsync(Now, Lease, None))?.Key);
    }

    [Fact]
    public async Task Changing_an_unknown_message_is_an_error()
    {
        var outbox = await OutboxAsync();

        await Assert.ThrowsAsync<InvalidOperationException>(() => outbox.MarkSentAsync("nope", Now, None));
    }
}
