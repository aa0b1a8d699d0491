using ActionBot.Core.Ports;
using ActionBot.Core.Tracking;
using ActionBot.GitHub.Tests.Api;
using ActionBot.Testing.GitHub;

namespace ActionBot.GitHub.Tests.Tracking;

public sealed class GitHubIssueTrackerTests : IAsyncLifetime
{
    private const string Repo = "acme/ops";
    private const string Marker = "<!-- actionbot:reminder=k1:overdue1@2025-03-10 -->";
    private static readonly CancellationToken None = CancellationToken.None;
    private GitHubApiHarness _harness = null!;

    private FakeGitHubServer GitHub => _harness.GitHub;

    public async Task InitializeAsync() => _harness = await GitHubApiHarness.StartAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task Creating_sends_title_body_labels_and_the_assignable_assignees()
    {
        _harness.Repository.AddAssignees("alice").AddLabel("action-item", "d73a4a");

        var opened = await _harness.Tracker.CreateAsync(Repo, new IssueDraft("Add an alert", "Body text", ["action-item", "postmortem"], ["alice", "mallory"]), None);

        Assert.Equal((1, "https://github.com/acme/ops/issues/1", _harness.Repository.Issues[0].Id), (opened.Number, opened.Url, opened.Id));
        var issue = Assert.Single(_harness.Repository.Issues);
        Assert.Equal(("Add an alert", "Body text"), (issue.Title, issue.Body));
        Assert.Equal(["action-item", "postmortem"], issue.Labels);
        Assert.Equal(["alice"], issue.Assignees);
        Assert.Equal(2, GitHub.RequestsTo("GET", "/repos/acme/ops/assignees/").Count);
    }

    [Fact]
    public async Task A_create_whose_answer_was_lost_is_an_uncertain_write_and_is_not_sent_again()
    {
        GitHub.Faults.CreateThenFail();

        await Assert.ThrowsAsync<UncertainWriteException>(() => _harness.Tracker.CreateAsync(Repo, new IssueDraft("Add an alert", "Body", [], []), None));

        Assert.Single(GitHub.RequestsTo("POST", "/repos/acme/ops/issues"));
        Assert.Single(_harness.Repository.Issues);
    }

    [Fact]
    public async Task A_create_whose_connection_dropped_is_an_uncertain_write_too()
    {
        GitHub.Faults.CreateThenFailWith = FakeAfterCreateFailure.ConnectionReset;
        GitHub.Faults.CreateThenFail();

        await Assert.ThrowsAsync<UncertainWriteException>(() => _harness.Tracker.CreateAsync(Repo, new IssueDraft("Add an alert", "Body", [], []), None));
    }

    [Fact]
    public async Task A_refused_create_is_no_uncertain_write()
    {
        await Assert.ThrowsAsync<Octokit.ApiValidationException>(() => _harness.Tracker.CreateAsync(Repo, new IssueDraft(" ", "Body", [], []), None));
    }

    [Fact]
    public async Task Labels_are_created_once_and_one_that_exists_already_is_kept()
    {
        _harness.Repository.AddLabel("postmortem", "000000");

        await _harness.Tracker.EnsureLabelsAsync(Repo, ["action-item", "postmortem", "priority: P1"], None);
        await _harness.Tracker.EnsureLabelsAsync(Repo, ["action-item", "postmortem", "priority: P1"], None);

        Assert.Equal(["action-item", "postmortem", "priority: P1"], _harness.Repository.Labels.Select(l => l.Name).Order());
        Assert.Equal("000000", _harness.Repository.Labels.Single(l => l.Name == "postmortem").Color);
        Assert.Equal(2, GitHub.RequestsTo("POST", "/repos/acme/ops/labels").Count);
        Assert.Equal(3, GitHub.RequestsTo("GET", "/repos/acme/ops/labels/").Count);
    }

    [Fact]
    public async Task An_issue_is_found_by_its_marker_past_the_first_page_and_pull_requests_are_left_out()
    {
        for (var i = 0; i < 120; i++)
        {
            _harness.Repository.AddIssue($"Item {i}", $"body {i}", ["action-item"]);
        }

        var key = IssueMarker.KeyFor("acme/ops", "postmortems/a.md", "item");
        var wanted = _harness.Repository.AddIssue("Wanted", $"text\n{IssueMarker.For(key)}", ["action-item"]);
        _harness.Repository.AddPullRequest(500, [], "A pull request with the label", "action-item");

        var found = await _harness.Tracker.FindByItemKeyAsync(Repo, key, DateTimeOffset.UnixEpoch, None);
        var changed = await _harness.Tracker.ListChangedSinceAsync(Repo, DateTimeOffset.UnixEpoch, None).ToListAsync();

        Assert.Equal(wanted.Number, found?.Number);
        Assert.Equal(121, changed.Count);
        Assert.Equal(key, changed.Single(s => s.Number == wanted.Number).ItemKey);
        var query = GitHub.RequestsTo("GET", "/repos/acme/ops/issues")[0].Query;
        Assert.Contains("labels=action-item", query, StringComparison.Ordinal);
        Assert.Contains("state=all", query, StringComparison.Ordinal);
        Assert.Contains("since=1970-01-01T00%3A00%3A00Z", query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Commenting_once_posts_the_comment_and_a_second_try_with_its_marker_posts_nothing()
    {
        var issue = _harness.Repository.AddIssue("Rotate the keys");

        var first = await _harness.Tracker.CommentOnceAsync(Repo, issue.Number, $"Overdue.\n\n{Marker}", Marker, None);
        var again = await _harness.Tracker.CommentOnceAsync(Repo, issue.Number, $"Overdue.\n\n{Marker}", Marker, None);

        Assert.Equal((true, false), (first, again));
        Assert.Single(_harness.Repository.Issue(issue.Number)!.Comments);
    }

    [Fact]
    public async Task The_marker_is_found_past_the_first_page_of_comments()
    {
        var issue = _harness.Repository.AddIssue("Rotate the keys");
        for (var i = 0; i < 120; i++)
        {
            await _harness.Tracker.CommentAsync(Repo, issue.Number, $"chatter {i}", None);
        }

        await _harness.Tracker.CommentAsync(Repo, issue.Number, $"Overdue.\n\n{Marker}", None);

        Assert.False(await _harness.Tracker.CommentOnceAsync(Repo, issue.Number, $"Overdue.\n\n{Marker}", Marker, None));
        Assert.Equal(121, _harness.Repository.Issue(issue.Number)!.Comments.Count);
    }

    [Fact]
    public async Task Updating_sends_only_title_and_body()
    {
        var seeded = _harness.Repository.AddIssue("Rotate the keys", "old body", ["action-item"]);

        await _harness.Tracker.UpdateAsync(Repo, seeded.Number, new IssueDraft("Rotate the keys now", "new body", ["ignored"], ["ignored"]), None);

        var issue = _harness.Repository.Issue(seeded.Number)!;
        Assert.Equal(("Rotate the keys now", "new body", "open"), (issue.Title, issue.Body, issue.State));
        Assert.Equal(["action-item"], issue.Labels);
    }
}
