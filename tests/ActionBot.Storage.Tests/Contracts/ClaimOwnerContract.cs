using System.Text;
using ActionBot.Core.Ports;
using ActionBot.Storage.Tests.TestKit;

namespace ActionBot.Storage.Tests.Contracts;

/// <summary>
/// How every <see cref="ClaimOwner"/> behaves, whatever the database: a restart takes back at once the claims its
/// killed run left (a delivery and a chat message), and never the claims of a process that may still be alive.
/// "Killed" is the owner disposed without anything completed: its lock goes, as the kernel or the server drops it.
/// </summary>
public abstract class ClaimOwnerContract : IAsyncLifetime
{
    private const string Replica = "replica-a";
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);
    private readonly StorageTestDatabase _database;

    private protected ClaimOwnerContract(StorageTestDatabase database) => _database = database;

    public Task InitializeAsync() => _database.InitializeAsync();

    public Task DisposeAsync() => _database.DisposeAsync().AsTask();

    private DateTimeOffset Now => _database.Time.GetUtcNow();

    [StorageFact]
    public async Task A_restart_takes_back_at_once_the_claims_its_killed_run_left()
    {
        var killed = await _database.ClaimingStartAsync(Replica);
        Assert.Equal(new ClaimsTakenBack(0, 0), await killed.Owner.TakeBackAsync(None));
        await ClaimBothAsync(killed);
        await killed.Owner.DisposeAsync();

        var restarted = await _database.ClaimingStartAsync(Replica);
        Assert.Equal(new ClaimsTakenBack(1, 1), await restarted.Owner.TakeBackAsync(None));

        // At the same instant: no lease had to run out. The crash counted as an attempt.
        Assert.Equal(2, (await restarted.Inbox.ClaimNextAsync(Now, Lease, None))!.Attempts);
        Assert.Equal(2, (await restarted.Outbox.ClaimNextAsync(Now, Lease, None))!.Attempts);

        // Asked again, it leaves its own live claims alone.
        Assert.Equal(new ClaimsTakenBack(0, 0), await restarted.Owner.TakeBackAsync(None));
        Assert.Null(await restarted.Inbox.ClaimNextAsync(Now, Lease, None));
        await restarted.Owner.DisposeAsync();
    }

    [StorageFact]
    public async Task A_second_process_of_the_same_name_takes_nothing_back_while_the_first_lives()
    {
        var living = await _database.ClaimingStartAsync(Replica);
        await living.Owner.TakeBackAsync(None);
        await ClaimBothAsync(living);

        var second = await _database.ClaimingStartAsync(Replica);
        Assert.Null(await second.Owner.TakeBackAsync(None));

        Assert.NotEqual(living.Owner.Name, second.Owner.Name);
        Assert.Null(await second.Inbox.ClaimNextAsync(Now, Lease, None));
        Assert.Null(await second.Outbox.ClaimNextAsync(Now, Lease, None));
        Assert.NotNull(await second.Inbox.ClaimNextAsync(Now + Lease, Lease, None)); // the lease still bounds the wait
        await second.Owner.DisposeAsync();
        await living.Owner.DisposeAsync();
    }

    [StorageFact]
    public async Task Claims_of_a_process_that_did_not_hold_the_name_are_left_to_their_lease()
    {
        var owner = await _database.ClaimingStartAsync(Replica);
        await owner.Owner.TakeBackAsync(None);
        var other = await _database.ClaimingStartAsync(Replica);
        Assert.Null(await other.Owner.TakeBackAsync(None));
        await ClaimBothAsync(other);
        await other.Owner.DisposeAsync();
        await owner.Owner.DisposeAsync();

        var restarted = await _database.ClaimingStartAsync(Replica);
        Assert.Equal(new ClaimsTakenBack(0, 0), await restarted.Owner.TakeBackAsync(None));
        Assert.Null(await restarted.Inbox.ClaimNextAsync(Now, Lease, None));
        Assert.NotNull(await restarted.Inbox.ClaimNextAsync(Now + Lease, Lease, None));
        await restarted.Owner.DisposeAsync();
    }

    private async Task ClaimBothAsync(ClaimingStart start)
    {
        await start.Inbox.TryAddAsync(new InboxDelivery("d1", "pull_request", "closed", "acme/services", Encoding.UTF8.GetBytes("{}"), Now), None);
        await start.Outbox.TryEnqueueAsync(new OutgoingMessage("announce:acme/services:p.md:abc", "channel:1", "{}", Now), None);
        Assert.NotNull(await start.Inbox.ClaimNextAsync(Now, Lease, None));
        Assert.NotNull(await start.Outbox.ClaimNextAsync(Now, Lease, None));
    }
}
