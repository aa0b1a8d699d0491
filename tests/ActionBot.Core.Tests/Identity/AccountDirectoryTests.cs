using ActionBot.Core.Identity;

namespace ActionBot.Core.Tests.Identity;

public sealed class AccountDirectoryTests
{
    [Fact]
    public async Task The_admins_links_come_first_then_the_confirmed_ones_and_logins_ignore_case()
    {
        var links = new InMemoryAccountLinks();
        await links.TryLinkAsync("111", "octocat", DateTimeOffset.UnixEpoch, CancellationToken.None);
        await links.TryLinkAsync("222", "hubber", DateTimeOffset.UnixEpoch, CancellationToken.None);
        var directory = new AccountDirectory(links, new ConfiguredAccountLinks([new("999", "@Hubber"), new("", "nobody")]));

        Assert.Equal("octocat", await directory.GitHubLoginOfAsync("111", CancellationToken.None));
        Assert.Equal("Hubber", await directory.GitHubLoginOfAsync("999", CancellationToken.None));
        Assert.Equal("999", await directory.UserIdOfAsync("HUBBER", CancellationToken.None));
        Assert.Null(await directory.UserIdOfAsync("nobody", CancellationToken.None));
        Assert.Equal(
            new Dictionary<string, string> { ["octocat"] = "111", ["hubber"] = "999" },
            await directory.UserIdsOfAsync(["octocat", "hubber", "OCTOCAT", "stranger"], CancellationToken.None));
    }
}
