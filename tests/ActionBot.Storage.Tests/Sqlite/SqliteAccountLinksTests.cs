using ActionBot.Storage.Sqlite;
using ActionBot.Storage.Tests.TestKit;

namespace ActionBot.Storage.Tests.Sqlite;

public sealed class SqliteAccountLinksTests : IDisposable
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    private async Task<SqliteAccountLinks> LinksAsync() => new(await _database.StartAsync());

    [Fact]
    public async Task A_link_is_found_both_ways_and_logins_compare_case_insensitively()
    {
        var links = await LinksAsync();

        await links.LinkAsync("111", "Octo-Cat", _database.Time.GetUtcNow(), None);

        Assert.Equal("Octo-Cat", await links.GetGitHubLoginAsync("111", None));
        Assert.Equal("111", await links.GetChatUserIdAsync("octo-cat", None));
        Assert.Null(await links.GetGitHubLoginAsync("222", None));
        Assert.Null(await links.GetChatUserIdAsync("someone", None));
    }

    [Fact]
    public async Task Linking_again_replaces_the_users_earlier_link()
    {
        var links = await LinksAsync();
        await links.LinkAsync("111", "old-login", _database.Time.GetUtcNow(), None);

        _database.Time.Advance(TimeSpan.FromMinutes(1));
        await links.LinkAsync("111", "new-login", _database.Time.GetUtcNow(), None);

        Assert.Equal("new-login", await links.GetGitHubLoginAsync("111", None));
        Assert.Null(await links.GetChatUserIdAsync("old-login", None));
    }

    [Fact]
    public async Task Links_survive_a_restart()
    {
        await (await LinksAsync()).LinkAsync("111", "octocat", _database.Time.GetUtcNow(), None);

        var restarted = await LinksAsync();

        Assert.Equal("octocat", await restarted.GetGitHubLoginAsync("111", None));
    }
}
