using ActionBot.Core.Identity;
using ActionBot.Storage.Tests.TestKit;

namespace ActionBot.Storage.Tests.Contracts;

/// <summary>How every <see cref="SqlAccountLinkRequests"/> behaves, whatever the database.</summary>
public abstract class AccountLinkRequestsContract : IAsyncLifetime
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);
    private readonly StorageTestDatabase _database;

    private protected AccountLinkRequestsContract(StorageTestDatabase database) => _database = database;

    public Task InitializeAsync() => _database.InitializeAsync();

    public Task DisposeAsync() => _database.DisposeAsync().AsTask();

    [StorageFact]
    public async Task A_claim_is_kept_as_saved_and_survives_a_restart()
    {
        var claim = Claim("111", "octocat", "device-1");
        await (await _database.AccountLinkRequestsAsync()).SaveAsync(claim, None);

        var restarted = await _database.AccountLinkRequestsAsync();

        Assert.Equal(claim, await restarted.GetAsync("111", None));
        Assert.Null(await restarted.GetAsync("222", None));
    }

    [StorageFact]
    public async Task A_new_claim_replaces_the_users_earlier_one_and_removing_the_earlier_leaves_it()
    {
        var requests = await _database.AccountLinkRequestsAsync();
        var earlier = Claim("111", "octocat", "device-1");
        await requests.SaveAsync(earlier, None);
        var later = Claim("111", "hubber", "device-2");

        await requests.SaveAsync(later, None);
        await requests.RemoveAsync(earlier, None);

        Assert.Equal(later, await requests.GetAsync("111", None));
        await requests.RemoveAsync(later, None);
        Assert.Null(await requests.GetAsync("111", None));
    }

    [StorageFact]
    public async Task Only_a_due_claim_is_claimed_and_claiming_moves_its_next_poll_one_interval_on()
    {
        var requests = await _database.AccountLinkRequestsAsync();
        var start = _database.Time.GetUtcNow();
        await requests.SaveAsync(Claim("111", "octocat", "device-1"), None);
        await requests.SaveAsync(Claim("222", "hubber", "device-2") with { NextPollAt = start + TimeSpan.FromSeconds(30) }, None);

        Assert.Null(await requests.ClaimDueAsync(start + Interval - TimeSpan.FromTicks(1), None));
        var claimed = await requests.ClaimDueAsync(start + Interval, None);
        var again = await requests.ClaimDueAsync(start + Interval, None);

        Assert.Equal("111", claimed?.ChatUserId);
        Assert.Equal(start + Interval + Interval, claimed?.NextPollAt);
        Assert.Null(again);
        Assert.Equal(start + Interval + Interval, await requests.NextPollAtAsync(None));
        Assert.Equal("111", (await requests.ClaimDueAsync(start + Interval + Interval, None))?.ChatUserId);
    }

    [StorageFact]
    public async Task Three_pollers_claiming_at_once_poll_a_claim_once()
    {
        await (await _database.AccountLinkRequestsAsync()).SaveAsync(Claim("111", "octocat", "device-1"), None);
        var pollers = new[] { await _database.AccountLinkRequestsAsync(), await _database.AccountLinkRequestsAsync(), await _database.AccountLinkRequestsAsync() };
        var at = _database.Time.GetUtcNow() + Interval;

        var claims = await Task.WhenAll(pollers.Select(p => Task.Run(() => p.ClaimDueAsync(at, None))));

        Assert.Single(claims, c => c is not null);
    }

    [StorageFact]
    public async Task Rescheduling_keeps_the_longer_interval_for_the_claims_later_polls()
    {
        var requests = await _database.AccountLinkRequestsAsync();
        var claim = Claim("111", "octocat", "device-1");
        await requests.SaveAsync(claim, None);
        var now = _database.Time.GetUtcNow() + Interval;

        await requests.RescheduleAsync(claim, TimeSpan.FromSeconds(10), now + TimeSpan.FromSeconds(10), None);
        var claimed = await requests.ClaimDueAsync(now + TimeSpan.FromSeconds(10), None);

        Assert.Equal(TimeSpan.FromSeconds(10), claimed?.Interval);
        Assert.Equal(now + TimeSpan.FromSeconds(20), claimed?.NextPollAt);
    }

    private AccountLinkRequest Claim(string userId, string login, string deviceCode)
    {
        var now = _database.Time.GetUtcNow();
        return new AccountLinkRequest(userId, login, deviceCode, "WDJB-MJHT", new Uri("https://github.com/login/device"), Interval, now + Interval, now + TimeSpan.FromMinutes(15), now);
    }
}
