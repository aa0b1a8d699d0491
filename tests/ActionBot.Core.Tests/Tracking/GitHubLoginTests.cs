using ActionBot.Core.Tracking;

namespace ActionBot.Core.Tests.Tracking;

public sealed class GitHubLoginTests
{
    [Theory]
    [InlineData("octocat")]
    [InlineData("dana-p")]
    [InlineData("a1-b2-c3")]
    [InlineData("x")]
    [InlineData("abcdefghijklmnopqrstuvwxyz0123456789abc")]
    public void Names_GitHub_accepts_are_logins(string name) => Assert.True(GitHubLogin.IsValid(name));

    [Theory]
    [InlineData("evil\"onmouseover")]
    [InlineData("Core-1 team")]
    [InlineData("-dana")]
    [InlineData("dana-")]
    [InlineData("da--na")]
    [InlineData("@dana")]
    [InlineData("dana.p")]
    [InlineData("abcdefghijklmnopqrstuvwxyz0123456789abcd")]
    [InlineData("")]
    [InlineData(null)]
    public void Other_names_are_not(string? name) => Assert.False(GitHubLogin.IsValid(name));
}
