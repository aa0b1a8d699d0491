using ActionBot.GitHub.Api;

namespace ActionBot.GitHub.Tests.Api;

/// <summary>What the handler chain may do with a request, from its method and route.</summary>
public sealed class GitHubRequestKindTests
{
    [Theory]
    [InlineData("POST", "repos/acme/ops/issues/4/sub_issues", true, false)]
    [InlineData("POST", "repos/acme/ops/issues", true, false)]
    [InlineData("POST", "repos/acme/ops/issues/4/comments", true, false)]
    [InlineData("PATCH", "repos/acme/ops/issues/4", true, true)]
    [InlineData("POST", "repos/acme/ops/labels", true, true)]
    [InlineData("GET", "repos/acme/ops/issues/4/sub_issues", false, true)]
    [InlineData("GET", "repos/acme/ops/git/trees/abc", false, true)]
    [InlineData("POST", "app/installations/7/access_tokens", false, true)]
    public void Attaching_a_sub_issue_is_paced_as_content_creation_and_never_repeated_blindly(string method, string path, bool createsContent, bool mayRepeat)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri("https://api.github.com/" + path));

        Assert.Equal((createsContent, mayRepeat), (GitHubRequestKind.CreatesContent(request), GitHubRequestKind.MayRepeat(request)));
    }
}
