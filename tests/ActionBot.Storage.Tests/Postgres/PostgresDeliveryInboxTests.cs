using System.Text;
using ActionBot.Core.Ports;
using ActionBot.Storage.Tests.Contracts;
using ActionBot.Storage.Tests.TestKit;

namespace ActionBot.Storage.Tests.Postgres;

/// <summary>The inbox contract on the run's PostgreSQL server, and replicas sharing one inbox.</summary>
[Collection(SharedPostgresServer.Name)]
[RequiresPostgres]
public sealed class PostgresDeliveryInboxTests : DeliveryInboxContract
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);
    private readonly PostgresTestDatabase _database;

    public PostgresDeliveryInboxTests(PostgresFixture postgres)
        : this(new PostgresTestDatabase(postgres, typeof(PostgresDeliveryInboxTests)))
    {
    }

    private PostgresDeliveryInboxTests(PostgresTestDatabase database)
        : base(database) => _database = database;

    [StorageFact]
    public async Task Eight_replicas_claiming_at_once_each_claim_different_deliveries()
    {
        const int Deliveries = 200;
        var now = _database.Time.GetUtcNow();
        var receiver = await _database.InboxAsync();
        for (var i = 0; i < Deliveries; i++)
        {
            await receiver.TryAddAsync(new InboxDelivery($"d{i:000}", "push", null, "acme/ops", Encoding.UTF8.GetBytes($"{{\"n\":{i}}}"), now.AddTicks(i - Deliveries)), CancellationToken.None);
        }

        var replicas = new List<IDeliveryInbox>();
        for (var i = 0; i < 8; i++)
        {
            replicas.Add(await _database.InboxAsync());
        }

        // Each replica claims until it finds nothing; a claimer can find nothing while the rest are locked by others,
        // so what is left afterwards is claimed one by one: the point is that no delivery is handed out twice.
        var claimedAtOnce = await Task.WhenAll(replicas.Select(inbox => Task.Run(async () =>
        {
            var mine = new List<InboxDelivery>();
            while (await inbox.ClaimNextAsync(now, Lease, CancellationToken.None) is { } claimed)
            {
                mine.Add(claimed);
            }

            return mine;
        })));
        var claimedAfter = new List<InboxDelivery>();
        while (await receiver.ClaimNextAsync(now, Lease, CancellationToken.None) is { } claimed)
        {
            claimedAfter.Add(claimed);
        }

        var all = claimedAtOnce.SelectMany(c => c).Concat(claimedAfter).ToList();
        Assert.Equal(Deliveries, all.Count);
        Assert.Equal(Deliveries, all.Select(d => d.Id).Distinct().Count());
        Assert.All(all, d => Assert.Equal(1, d.Attempts));
        Assert.All(all, d => Assert.Equal($"{{\"n\":{int.Parse(d.Id[1..], System.Globalization.CultureInfo.InvariantCulture)}}}", Encoding.UTF8.GetString(d.Body.Span)));
        Assert.Equal(Deliveries, (await _database.QueryAsync<long>("SELECT COUNT(*) FROM webhook_deliveries WHERE status = 'processing' AND attempts = 1")).Single());
    }

    [StorageFact]
    public async Task Replicas_pruning_at_once_delete_each_done_delivery_once()
    {
        const int Done = 2 * 1000 + 5; // more than two batches
        var replicas = new[] { await _database.InboxAsync(), await _database.InboxAsync(), await _database.InboxAsync() };
        await _database.QueryAsync<int>(
            """
            INSERT INTO webhook_deliveries (id, event, received_at, status, attempts, next_attempt_at, completed_at)
            SELECT 'd' || n, 'push', '2025-03-03T09:00:00.0000000Z', 'done', 1, '2025-03-03T09:00:00.0000000Z', '2025-03-03T09:00:01.0000000Z'
            FROM generate_series(1, @Done) AS n
            """,
            new { Done });
        var cutOff = new DateTimeOffset(2025, 3, 4, 0, 0, 0, TimeSpan.Zero);

        var pruned = await Task.WhenAll(replicas.Select(inbox => Task.Run(() => inbox.PruneDoneAsync(cutOff, CancellationToken.None))));

        Assert.Equal(Done, pruned.Sum());
        Assert.Equal(0, (await _database.QueryAsync<long>("SELECT COUNT(*) FROM webhook_deliveries")).Single());
    }
}
