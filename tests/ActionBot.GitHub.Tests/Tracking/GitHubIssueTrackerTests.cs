using ActionBot.GitHub.Tests.Api;
using ActionBot.GitHub.Tracking;
using Microsoft.Extensions.Logging.Abstractions;

namespace ActionBot.GitHub.Tests.Tracking;

public sealed class GitHubIssueTrackerTests : IAsyncLifetime
{
    private const string Marker = "<!-- actionbot:reminder=k1:overdue1@2025-03-10 -->";
    private GitHubApiHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await GitHubApiHarness.StartAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task Commenting_once_posts_the_comment_and_a_second_try_with_its_marker_posts_nothing()
    {
        var issue = _harness.Repository.AddIssue("Rotate the keys");
        var tracker = new GitHubIssueTracker(_harness.Client, NullLogger<GitHubIssueTracker>.Instance);

        var first = await tracker.CommentOnceAsync(GitHubApiHarness.Repo.FullName, issue.Number, $"Overdue.\n\n{Marker}", Marker, CancellationToken.None);
        var again = await tracker.CommentOnceAsync(GitHubApiHarness.Repo.FullName, issue.Number, $"Overdue.\n\n{Marker}", Marker, CancellationToken.None);

        Assert.Equal((true, false), (first, again));
        Assert.Single(_harness.Repository.Issue(issue.Number)!.Comments);
    }

    [Fact]
    public async Task The_marker_is_found_past_the_first_page_of_comments()
    {
        var issue = _harness.Repository.AddIssue("Rotate the keys");
        var tracker = new GitHubIssueTracker(_harness.Client, NullLogger<GitHubIssueTracker>.Instance);
        for (var i = 0; i < 120; i++)
        {
            await _harness.Client.CreateCommentAsync(GitHubApiHarness.Repo, issue.Number, $"chatter {i}");
        }

        await _harness.Client.CreateCommentAsync(GitHubApiHarness.Repo, issue.Number, $"Overdue.\n\n{Marker}");

        Assert.False(await tracker.CommentOnceAsync(GitHubApiHarness.Repo.FullName, issue.Number, $"Overdue.\n\n{Marker}", Marker, CancellationToken.None));
        Assert.Equal(121, _harness.Repository.Issue(issue.Number)!.Comments.Count);
    }
}
