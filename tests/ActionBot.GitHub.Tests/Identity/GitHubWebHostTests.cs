using ActionBot.GitHub.Identity;

namespace ActionBot.GitHub.Tests.Identity;

public sealed class GitHubWebHostTests
{
    [Theory]
    [InlineData("https://api.github.com/", "https://github.com/")]
    [InlineData("https://API.GitHub.com", "https://github.com/")]
    [InlineData("https://ghe.example/api/v3/", "https://ghe.example/")]
    [InlineData("https://ghe.example:8443/api/v3", "https://ghe.example:8443/")]
    [InlineData("https://api.octocorp.ghe.com/", "https://octocorp.ghe.com/")]
    [InlineData("http://127.0.0.1:41234/", "http://127.0.0.1:41234/")]
    public void The_web_host_follows_from_the_api_root(string apiBaseUrl, string webHost)
    {
        Assert.Equal(new Uri(webHost), GitHubWebHost.For(new Uri(apiBaseUrl)));
    }
}
