using ActionBot.Storage.Tests.TestKit;

namespace ActionBot.Storage.Tests.Contracts;

/// <summary>How every job lease behaves, whatever the database: one holder per job at a time, freed on dispose.</summary>
public abstract class JobLeaseContract : IAsyncLifetime
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly StorageTestDatabase _database;

    private protected JobLeaseContract(StorageTestDatabase database) => _database = database;

    public Task InitializeAsync() => _database.InitializeAsync();

    public Task DisposeAsync() => _database.DisposeAsync().AsTask();

    [StorageFact]
    public async Task A_held_job_is_refused_to_others_until_released_and_other_jobs_are_free()
    {
        var (first, second) = (await _database.JobLeaseAsync(), await _database.JobLeaseAsync());

        var held = await first.TryAcquireAsync("ReminderSweepJob", None);
        Assert.NotNull(held);
        Assert.Null(await second.TryAcquireAsync("ReminderSweepJob", None));
        Assert.Null(await first.TryAcquireAsync("ReminderSweepJob", None));
        await using (var other = await second.TryAcquireAsync("WeeklyDigestJob", None))
        {
            Assert.NotNull(other);
        }

        await held.DisposeAsync();
        await using var again = await second.TryAcquireAsync("ReminderSweepJob", None);
        Assert.NotNull(again);
    }

    [StorageFact]
    public async Task Of_three_replicas_asking_at_once_exactly_one_gets_the_lease()
    {
        var replicas = new[] { await _database.JobLeaseAsync(), await _database.JobLeaseAsync(), await _database.JobLeaseAsync() };

        var leases = await Task.WhenAll(replicas.Select(r => Task.Run(() => r.TryAcquireAsync("WeeklyDigestJob", None))));

        Assert.Single(leases, l => l is not null);
        foreach (var lease in leases.OfType<IAsyncDisposable>())
        {
            await lease.DisposeAsync();
        }
    }

    [StorageFact]
    public async Task Acquiring_a_held_lease_waits_until_it_is_released()
    {
        var (first, second) = (await _database.JobLeaseAsync(), await _database.JobLeaseAsync());
        var held = await first.AcquireAsync("postmortem-ingestion", None);

        var waiting = second.AcquireAsync("postmortem-ingestion", None);
        // The other replica's try sees it taken while the first holds it; the waiter has not got it either.
        Assert.Null(await second.TryAcquireAsync("postmortem-ingestion", None));
        Assert.False(waiting.IsCompleted);
        await held.DisposeAsync();
        await using var next = await waiting.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Null(await first.TryAcquireAsync("postmortem-ingestion", None));
    }

    [StorageFact]
    public async Task A_wait_for_a_lease_can_be_cancelled()
    {
        var (first, second) = (await _database.JobLeaseAsync(), await _database.JobLeaseAsync());
        await using var held = await first.AcquireAsync("postmortem-ingestion", None);
        using var cancel = new CancellationTokenSource();

        var waiting = second.AcquireAsync("postmortem-ingestion", cancel.Token);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting.WaitAsync(TimeSpan.FromSeconds(30)));
    }
}
