using ActionBot.Storage.Tests.TestKit;

namespace ActionBot.Storage.Tests.Contracts;

/// <summary>How every <see cref="SqlAccountLinks"/> behaves, whatever the database.</summary>
public abstract class AccountLinksContract : IAsyncLifetime
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly StorageTestDatabase _database;

    private protected AccountLinksContract(StorageTestDatabase database) => _database = database;

    public Task InitializeAsync() => _database.InitializeAsync();

    public Task DisposeAsync() => _database.DisposeAsync().AsTask();

    [StorageFact]
    public async Task A_link_is_found_both_ways_and_logins_compare_case_insensitively()
    {
        var links = await _database.AccountLinksAsync();

        Assert.True(await links.TryLinkAsync("111", "Octo-Cat", _database.Time.GetUtcNow(), None));

        Assert.Equal("Octo-Cat", await links.GetGitHubLoginAsync("111", None));
        Assert.Equal("111", await links.GetChatUserIdAsync("octo-cat", None));
        Assert.Null(await links.GetGitHubLoginAsync("222", None));
        Assert.Null(await links.GetChatUserIdAsync("someone", None));
    }

    [StorageFact]
    public async Task Linking_again_replaces_the_users_earlier_link()
    {
        var links = await _database.AccountLinksAsync();
        await links.TryLinkAsync("111", "old-login", _database.Time.GetUtcNow(), None);

        _database.Time.Advance(TimeSpan.FromMinutes(1));
        Assert.True(await links.TryLinkAsync("111", "new-login", _database.Time.GetUtcNow(), None));

        Assert.Equal("new-login", await links.GetGitHubLoginAsync("111", None));
        Assert.Null(await links.GetChatUserIdAsync("old-login", None));
    }

    [StorageFact]
    public async Task A_login_linked_to_one_user_is_never_taken_over_by_another()
    {
        var links = await _database.AccountLinksAsync();
        await links.TryLinkAsync("111", "octocat", _database.Time.GetUtcNow(), None);
        await links.TryLinkAsync("222", "hubber", _database.Time.GetUtcNow(), None);
        _database.Time.Advance(TimeSpan.FromMinutes(1));

        Assert.False(await links.TryLinkAsync("222", "OctoCat", _database.Time.GetUtcNow(), None));

        Assert.Equal("111", await links.GetChatUserIdAsync("octocat", None));
        Assert.Equal("hubber", await links.GetGitHubLoginAsync("222", None)); // the refused claim changed nothing of theirs
    }

    [StorageFact]
    public async Task Two_users_linking_one_login_at_once_from_two_processes_get_it_once()
    {
        var first = await _database.AccountLinksAsync();
        var second = await _database.AccountLinksAsync();
        var at = _database.Time.GetUtcNow();

        var results = await Task.WhenAll(
            Task.Run(() => first.TryLinkAsync("111", "octocat", at, None)),
            Task.Run(() => second.TryLinkAsync("222", "OCTOCAT", at, None)));

        Assert.Single(results, linked => linked);
        var holder = await first.GetChatUserIdAsync("octocat", None);
        Assert.Equal(results[0] ? "111" : "222", holder);
        Assert.Equal(1L, (await _database.QueryAsync<long>("SELECT COUNT(*) FROM account_links")).Single());
    }

    [StorageFact]
    public async Task Links_survive_a_restart()
    {
        await (await _database.AccountLinksAsync()).TryLinkAsync("111", "octocat", _database.Time.GetUtcNow(), None);

        var restarted = await _database.AccountLinksAsync();

        Assert.Equal("octocat", await restarted.GetGitHubLoginAsync("111", None));
    }
}
