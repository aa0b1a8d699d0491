using System.Text;
using ActionBot.Core.Ports;
using ActionBot.Storage.Tests.TestKit;

namespace ActionBot.Storage.Tests.Contracts;

/// <summary>
/// How every <see cref="IDeliveryInbox"/> of ours behaves, whatever the database: each provider's test class derives
/// from this with its own <see cref="StorageTestDatabase"/>.
/// </summary>
public abstract class DeliveryInboxContract : IAsyncLifetime
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);
    private readonly StorageTestDatabase _database;

    private protected DeliveryInboxContract(StorageTestDatabase database) => _database = database;

    public Task InitializeAsync() => _database.InitializeAsync();

    public Task DisposeAsync() => _database.DisposeAsync().AsTask();

    private DateTimeOffset Now => _database.Time.GetUtcNow();

    [StorageFact]
    public async Task A_new_delivery_is_stored_and_claimed_with_its_body_and_first_attempt()
    {
        var inbox = await _database.InboxAsync();
        var delivery = Delivery("d1", "{\"action\":\"closed\"}");

        Assert.True(await inbox.TryAddAsync(delivery, None));
        var claimed = await inbox.ClaimNextAsync(Now, Lease, None);

        Assert.NotNull(claimed);
        Assert.Equal((delivery.Id, delivery.Event, delivery.Action, delivery.Repository, delivery.ReceivedAt, 1), (claimed.Id, claimed.Event, claimed.Action, claimed.Repository, claimed.ReceivedAt, claimed.Attempts));
        Assert.Equal(delivery.Body.ToArray(), claimed.Body.ToArray());
    }

    [StorageFact]
    public async Task A_delivery_without_action_or_repository_is_stored()
    {
        var inbox = await _database.InboxAsync();

        Assert.True(await inbox.TryAddAsync(new InboxDelivery("d1", "ping", null, null, Encoding.UTF8.GetBytes("{}"), Now), None));
        var claimed = await inbox.ClaimNextAsync(Now, Lease, None);

        Assert.Equal(("ping", null, null), (claimed!.Event, claimed.Action, claimed.Repository));
    }

    [StorageFact]
    public async Task A_slice_of_a_larger_buffer_is_stored_exactly()
    {
        var inbox = await _database.InboxAsync();
        var buffer = Encoding.UTF8.GetBytes("xx{\"zen\":\"ok\"}yy");

        await inbox.TryAddAsync(Delivery("d1") with { Body = buffer.AsMemory(2, buffer.Length - 4) }, None);

        Assert.Equal("{\"zen\":\"ok\"}", Encoding.UTF8.GetString((await inbox.ClaimNextAsync(Now, Lease, None))!.Body.Span));
    }

    [StorageFact]
    public async Task A_duplicate_id_returns_false_and_keeps_the_first_body()
    {
        var inbox = await _database.InboxAsync();

        Assert.True(await inbox.TryAddAsync(Delivery("d1", "first"), None));
        Assert.False(await inbox.TryAddAsync(Delivery("d1", "second") with { Event = "issues" }, None));

        var claimed = await inbox.ClaimNextAsync(Now, Lease, None);
        Assert.Equal(("first", "push"), (Encoding.UTF8.GetString(claimed!.Body.Span), claimed.Event));
        Assert.Null(await inbox.ClaimNextAsync(Now, Lease, None));
    }

    [StorageFact]
    public async Task Twenty_concurrent_adds_of_one_id_store_it_exactly_once()
    {
        var inbox = await _database.InboxAsync();
        var other = await _database.InboxAsync(); // a second process on the same file

        var added = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            Task.Run(() => (i % 2 == 0 ? inbox : other).TryAddAsync(Delivery("same", $"body {i}"), None))));

        Assert.Single(added, a => a);
        Assert.Equal(1, await inbox.CountPendingAsync(None));
    }

    [StorageFact]
    public async Task Claims_take_the_oldest_due_delivery_first()
    {
        var inbox = await _database.InboxAsync();
        await inbox.TryAddAsync(Delivery("newest") with { ReceivedAt = Now.AddSeconds(-1) }, None);
        await inbox.TryAddAsync(Delivery("oldest") with { ReceivedAt = Now.AddSeconds(-3) }, None);
        await inbox.TryAddAsync(Delivery("middle") with { ReceivedAt = Now.AddSeconds(-2) }, None);
        await inbox.TryAddAsync(Delivery("future") with { ReceivedAt = Now.AddSeconds(1) }, None);

        var order = new List<string>();
        while (await inbox.ClaimNextAsync(Now, Lease, None) is { } claimed)
        {
            order.Add(claimed.Id);
        }

        Assert.Equal(["oldest", "middle", "newest"], order);
    }

    [StorageFact]
    public async Task A_batch_claim_takes_at_most_its_size_of_the_oldest_due_deliveries_in_arrival_order_with_their_bodies()
    {
        var inbox = await _database.InboxAsync();
        await inbox.TryAddAsync(Delivery("abandoned", "a") with { ReceivedAt = Now.AddMinutes(-10) }, None);
        await inbox.ClaimNextAsync(Now.AddMinutes(-6), Lease, None); // its lease ran out a minute ago
        for (var i = 4; i >= 1; i--)
        {
            await inbox.TryAddAsync(Delivery($"d{i}", $"body {i}") with { ReceivedAt = Now.AddSeconds(-i) }, None);
        }

        await inbox.TryAddAsync(Delivery("future") with { ReceivedAt = Now.AddSeconds(1) }, None);

        var first = await inbox.ClaimBatchAsync(Now, Lease, 3, None);
        var rest = await inbox.ClaimBatchAsync(Now, Lease, 3, None);

        Assert.Equal([("abandoned", 2, "a"), ("d4", 1, "body 4"), ("d3", 1, "body 3")], first.Select(d => (d.Id, d.Attempts, Encoding.UTF8.GetString(d.Body.Span))));
        Assert.Equal(["d2", "d1"], rest.Select(d => d.Id));
        Assert.Empty(await inbox.ClaimBatchAsync(Now, Lease, 3, None));
        Assert.Equal(6, await inbox.CountPendingAsync(None));
    }

    [StorageFact]
    public async Task Completing_a_batch_settles_each_delivery_and_deletes_their_bodies_only()
    {
        var inbox = await _database.InboxAsync();
        await inbox.TryAddAsync(Delivery("a") with { ReceivedAt = Now.AddSeconds(-2) }, None);
        await inbox.TryAddAsync(Delivery("b") with { ReceivedAt = Now.AddSeconds(-1) }, None);
        await inbox.TryAddAsync(Delivery("waiting"), None);
        var batch = await inbox.ClaimBatchAsync(Now, Lease, 2, None);

        await inbox.CompleteAsync([.. batch.Select(d => d.Id)], Now, None);

        Assert.Equal(["waiting"], await _database.QueryAsync<string>("SELECT id FROM webhook_delivery_bodies"));
        Assert.Equal(1, await inbox.CountPendingAsync(None));
        Assert.False(await inbox.TryAddAsync(Delivery("a"), None)); // done, still known
        Assert.Equal("waiting", Assert.Single(await inbox.ClaimBatchAsync(Now + Lease, Lease, 10, None)).Id);
    }

    [StorageFact]
    public async Task Completing_a_batch_with_an_unknown_id_completes_the_known_ones_and_names_the_unknown()
    {
        var inbox = await _database.InboxAsync();
        await inbox.TryAddAsync(Delivery("known"), None);
        await inbox.ClaimNextAsync(Now, Lease, None);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => inbox.CompleteAsync(["known", "nope"], Now, None));

        Assert.Contains("'nope'", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("'known'", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, await inbox.CountPendingAsync(None));
        Assert.Empty(await _database.QueryAsync<string>("SELECT id FROM webhook_delivery_bodies"));
    }

    [StorageFact]
    public async Task Nothing_due_claims_nothing()
    {
        var inbox = await _database.InboxAsync();

        Assert.Null(await inbox.ClaimNextAsync(Now, Lease, None));
    }

    [StorageFact]
    public async Task A_claimed_delivery_is_not_claimed_again_while_its_lease_runs()
    {
        var inbox = await _database.InboxAsync();
        await inbox.TryAddAsync(Delivery("d1"), None);
        await inbox.ClaimNextAsync(Now, Lease, None);

        Assert.Null(await inbox.ClaimNextAsync(Now + Lease - TimeSpan.FromTicks(1), Lease, None));
    }

    [StorageFact]
    public async Task An_expired_lease_lets_the_delivery_be_claimed_again()
    {
        var inbox = await _database.InboxAsync();
        await inbox.TryAddAsync(Delivery("abandoned") with { ReceivedAt = Now.AddMinutes(-1) }, None);
        await inbox.ClaimNextAsync(Now, Lease, None);
        await inbox.TryAddAsync(Delivery("fresh"), None);

        var reclaimed = await inbox.ClaimNextAsync(Now + Lease, Lease, None);

        Assert.Equal(("abandoned", 2), (reclaimed!.Id, reclaimed.Attempts));
        Assert.Equal("fresh", (await inbox.ClaimNextAsync(Now + Lease, Lease, None))!.Id);
    }

    [StorageFact]
    public async Task Retrying_later_hides_the_delivery_until_its_retry_time()
    {
        var inbox = await _database.InboxAsync();
        await inbox.TryAddAsync(Delivery("d1"), None);
        await inbox.ClaimNextAsync(Now, Lease, None);
        var retryAt = Now.AddMinutes(1);

        await inbox.RetryLaterAsync("d1", "GitHub answered 502", retryAt, None);

        Assert.Null(await inbox.ClaimNextAsync(retryAt.AddTicks(-1), Lease, None));
        var retried = await inbox.ClaimNextAsync(retryAt, Lease, None);
        Assert.Equal(("d1", 2), (retried!.Id, retried.Attempts));
        Assert.Equal("GitHub answered 502", (await _database.QueryAsync<string>("SELECT last_error FROM webhook_deliveries")).Single());
    }

    [StorageFact]
    public async Task A_completed_delivery_is_neither_claimed_again_nor_counted_and_keeps_its_id_but_not_its_body()
    {
        var inbox = await _database.InboxAsync();
        await inbox.TryAddAsync(Delivery("d1"), None);
        await inbox.ClaimNextAsync(Now, Lease, None);

        await inbox.CompleteAsync("d1", Now, None);

        Assert.Null(await inbox.ClaimNextAsync(Now + Lease, Lease, None));
        Assert.Equal(0, await inbox.CountPendingAsync(None));
        Assert.False(await inbox.TryAddAsync(Delivery("d1"), None));
        Assert.Equal("done", (await _database.QueryAsync<string>("SELECT status FROM webhook_deliveries")).Single());
        Assert.Empty(await _database.QueryAsync<string>("SELECT id FROM webhook_delivery_bodies"));
    }

    [StorageFact]
    public async Task A_failed_delivery_is_kept_with_its_reason_and_not_claimed_again()
    {
        var inbox = await _database.InboxAsync();
        await inbox.TryAddAsync(Delivery("d1", "the body"), None);
        await inbox.ClaimNextAsync(Now, Lease, None);

        await inbox.FailAsync("d1", "gave up after 5 attempts", Now, None);

        var row = (await _database.QueryAsync<(string Status, string LastError, byte[] Body)>(
            "SELECT d.status, d.last_error, b.body FROM webhook_deliveries d JOIN webhook_delivery_bodies b ON b.id = d.id WHERE d.id = 'd1'")).Single();
        Assert.Equal(("failed", "gave up after 5 attempts", "the body"), (row.Status, row.LastError, Encoding.UTF8.GetString(row.Body)));
        Assert.Null(await inbox.ClaimNextAsync(Now + Lease, Lease, None));
        Assert.Equal(0, await inbox.CountPendingAsync(None));
    }

    [StorageFact]
    public async Task The_body_is_stored_once_apart_from_the_delivery_and_a_duplicate_adds_none()
    {
        var inbox = await _database.InboxAsync();

        await inbox.TryAddAsync(Delivery("d1", "first"), None);
        await inbox.TryAddAsync(Delivery("d1", "second"), None);

        var bodies = await _database.QueryAsync<(string Id, byte[] Body)>("SELECT id, body FROM webhook_delivery_bodies");
        Assert.Equal(("d1", "first"), (bodies.Single().Id, Encoding.UTF8.GetString(bodies.Single().Body)));
    }

    [StorageFact]
    public async Task Claiming_and_retrying_keep_the_body_for_the_next_attempt()
    {
        var inbox = await _database.InboxAsync();
        await inbox.TryAddAsync(Delivery("d1", "the body"), None);
        await inbox.ClaimNextAsync(Now, Lease, None);

        await inbox.RetryLaterAsync("d1", "GitHub answered 502", Now, None);

        Assert.Equal("the body", Encoding.UTF8.GetString((await inbox.ClaimNextAsync(Now, Lease, None))!.Body.Span));
        Assert.Single(await _database.QueryAsync<string>("SELECT id FROM webhook_delivery_bodies"));
    }

    [StorageFact]
    public async Task Completing_deletes_only_the_completed_deliverys_body()
    {
        var inbox = await _database.InboxAsync();
        await inbox.TryAddAsync(Delivery("done") with { ReceivedAt = Now.AddSeconds(-1) }, None);
        await inbox.TryAddAsync(Delivery("waiting"), None);

        await inbox.CompleteAsync((await inbox.ClaimNextAsync(Now, Lease, None))!.Id, Now, None);

        Assert.Equal(["waiting"], await _database.QueryAsync<string>("SELECT id FROM webhook_delivery_bodies"));
    }

    [StorageFact]
    public async Task A_delivery_whose_body_row_is_gone_is_claimed_with_an_empty_body_instead_of_stopping_the_worker()
    {
        var inbox = await _database.InboxAsync();
        await inbox.TryAddAsync(Delivery("d1", "the body"), None);
        await _database.QueryAsync<int>("DELETE FROM webhook_delivery_bodies");

        var claimed = await inbox.ClaimNextAsync(Now, Lease, None);

        Assert.Equal(("d1", 0), (claimed!.Id, claimed.Body.Length));
    }

    [StorageFact]
    public async Task Finishing_a_delivery_that_was_never_stored_throws()
    {
        var inbox = await _database.InboxAsync();

        await Assert.ThrowsAsync<InvalidOperationException>(() => inbox.CompleteAsync("nope", Now, None));
        Assert.True(await inbox.TryAddAsync(Delivery("d1"), None)); // the inbox still works afterwards
        Assert.Single(await _database.QueryAsync<string>("SELECT id FROM webhook_delivery_bodies"));
    }

    [StorageFact]
    public async Task Counting_pending_includes_claimed_deliveries()
    {
        var inbox = await _database.InboxAsync();
        await inbox.TryAddAsync(Delivery("a"), None);
        await inbox.TryAddAsync(Delivery("b"), None);
        await inbox.TryAddAsync(Delivery("c"), None);
        await inbox.ClaimNextAsync(Now, Lease, None);
        await inbox.CompleteAsync((await inbox.ClaimNextAsync(Now, Lease, None))!.Id, Now, None);

        Assert.Equal(2, await inbox.CountPendingAsync(None));
    }

    [StorageFact]
    public async Task Deliveries_survive_a_restart()
    {
        var before = await _database.InboxAsync();
        await before.TryAddAsync(Delivery("d1", "kept"), None);
        (before as IDisposable)?.Dispose(); // SQLite's inbox holds a connection open

        var after = await _database.InboxAsync();

        Assert.False(await after.TryAddAsync(Delivery("d1", "again"), None));
        Assert.Equal("kept", Encoding.UTF8.GetString((await after.ClaimNextAsync(Now, Lease, None))!.Body.Span));
    }

    [StorageFact]
    public async Task A_delivery_claimed_when_the_bot_died_is_claimed_again_with_its_body_once_its_lease_runs_out()
    {
        var before = await _database.InboxAsync();
        await before.TryAddAsync(Delivery("d1", "kept"), None);
        await before.ClaimNextAsync(Now, Lease, None);
        (before as IDisposable)?.Dispose();

        var after = await _database.InboxAsync();

        Assert.Null(await after.ClaimNextAsync(Now + Lease - TimeSpan.FromTicks(1), Lease, None));
        var again = await after.ClaimNextAsync(Now + Lease, Lease, None);
        Assert.Equal(("d1", 2, "kept"), (again!.Id, again.Attempts, Encoding.UTF8.GetString(again.Body.Span)));
    }

    [StorageFact]
    public async Task Pruning_forgets_only_done_deliveries_completed_before_the_cut_off()
    {
        var inbox = await _database.InboxAsync();
        var start = Now;
        foreach (var id in new[] { "old-done", "old-failed", "old-pending", "new-done" })
        {
            await inbox.TryAddAsync(Delivery(id) with { ReceivedAt = id.StartsWith("old", StringComparison.Ordinal) ? start : start.AddDays(7) }, None);
        }

        await inbox.CompleteAsync((await inbox.ClaimNextAsync(start, Lease, None))!.Id, start.AddMinutes(1), None); // old-done
        await inbox.FailAsync((await inbox.ClaimNextAsync(start, Lease, None))!.Id, "gave up", start.AddMinutes(1), None); // old-failed
        await inbox.CompleteAsync("new-done", start.AddDays(7), None);

        Assert.Equal(1, await inbox.PruneDoneAsync(start.AddDays(1), None));

        Assert.Equal(["new-done", "old-failed", "old-pending"], await _database.QueryAsync<string>("SELECT id FROM webhook_deliveries ORDER BY id"));
        Assert.Equal(["old-failed", "old-pending"], await _database.QueryAsync<string>("SELECT id FROM webhook_delivery_bodies ORDER BY id"));
        Assert.True(await inbox.TryAddAsync(Delivery("old-done"), None)); // forgotten: no longer a duplicate
    }

    [StorageFact]
    public async Task Pruning_more_than_one_batch_deletes_them_all()
    {
        var inbox = await _database.InboxAsync();
        var count = InboxSql.PruneBatchSize + 5;
        for (var i = 0; i < count; i++)
        {
            await inbox.TryAddAsync(Delivery($"d{i:D5}"), None);
            await inbox.CompleteAsync((await inbox.ClaimNextAsync(Now, Lease, None))!.Id, Now, None);
        }

        Assert.Equal(count, await inbox.PruneDoneAsync(Now.AddTicks(1), None));
        Assert.Equal(0, (await _database.QueryAsync<long>("SELECT COUNT(*) FROM webhook_deliveries")).Single());
    }

    private InboxDelivery Delivery(string id, string body = "{}") =>
        new(id, "push", "closed", "acme/ops", Encoding.UTF8.GetBytes(body), Now);
}
