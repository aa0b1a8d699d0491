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

        await links.LinkAsync("111", "Octo-Cat", _database.Time.GetUtcNow(), None);

        Assert.Equal("Octo-Cat", await links.GetGitHubLoginAsync("111", None));
        Assert.Equal("111", await links.GetChatUserIdAsync("octo-cat", None));
        Assert.Null(await links.GetGitHubLoginAsync("222", None));
        Assert.Null(await links.GetChatUserIdAsync("someone", None));
    }

    [StorageFact]
    public async Task Linking_again_replaces_the_users_earlier_link()
    {
        var links = await _database.AccountLinksAsync();
        await links.LinkAsync("111", "old-login", _database.Time.GetUtcNow(), None);

        _database.Time.Advance(TimeSpan.FromMinutes(1));
        await links.LinkAsync("111", "new-login", _database.Time.GetUtcNow(), None);

        Assert.Equal("new-login", await links.GetGitHubLoginAsync("111", None));
        Assert.Null(await links.GetChatUserIdAsync("old-login", None));
    }

    [StorageFact]
    public async Task The_latest_of_several_accounts_naming_one_login_wins()
    {
        var links = await _database.AccountLinksAsync();
        await links.LinkAsync("111", "octocat", _database.Time.GetUtcNow(), None);
        _database.Time.Advance(TimeSpan.FromMinutes(1));
        await links.LinkAsync("222", "OctoCat", _database.Time.GetUtcNow(), None);

        Assert.Equal("222", await links.GetChatUserIdAsync("octocat", None));
    }

    [StorageFact]
    public async Task Links_survive_a_restart()
    {
        await (await _database.AccountLinksAsync()).LinkAsync("111", "octocat", _database.Time.GetUtcNow(), None);

        var restarted = await _database.AccountLinksAsync();

        Assert.Equal("octocat", await restarted.GetGitHubLoginAsync("111", None));
    }
}
