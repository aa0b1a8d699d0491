using System.Text.Json;
using ActionBot.Core.Ports;
using ActionBot.Core.Tracking;
using ActionBot.GitHub.Tests.Api;
using ActionBot.GitHub.Tracking;
using ActionBot.Testing;
using ActionBot.Testing.GitHub;

namespace ActionBot.GitHub.Tests.Tracking;

/// <summary>Tracking issues and sub-issues through Octokit's connection and our handler chain, against the fake's sub-issue endpoints.</summary>
public sealed class GitHubSubIssuesTests : IAsyncLifetime
{
    private const string Repo = "acme/ops";
    private static readonly CancellationToken None = CancellationToken.None;
    private GitHubApiHarness _harness = null!;

    private FakeGitHubServer GitHub => _harness.GitHub;

    private FakeRepository Repository => _harness.Repository;

    public async Task InitializeAsync() => _harness = await GitHubApiHarness.StartAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task Attaching_sends_the_sub_issues_id_not_its_number_and_lists_it_after()
    {
        var parent = Repository.AddIssue("Postmortem: cache", "tracking", ["postmortem"]);
        var child = Repository.AddIssue("Add an alert", "item", ["action-item"]);

        var refusal = await _harness.Tracker.AttachSubIssueAsync(Repo, parent.Number, child.Id, None);

        Assert.Null(refusal);
        Assert.Equal([child.Number], Repository.SubIssues(parent.Number).Select(i => i.Number));
        var post = Assert.Single(GitHub.RequestsTo("POST", $"/repos/acme/ops/issues/{parent.Number}/sub_issues"));
        Assert.Equal(201, post.StatusCode);
        Assert.Equal(child.Id, JsonDocument.Parse(post.Body).RootElement.GetProperty("sub_issue_id").GetInt64());
        Assert.Equal([child.Id], await _harness.Tracker.ListSubIssueIdsAsync(Repo, parent.Number, None));
    }

    [Fact]
    public async Task GitHub_refusing_an_attach_is_a_logged_refusal_not_an_error()
    {
        var parent = Repository.AddIssue("Postmortem: cache", "tracking", ["postmortem"]);
        var other = Repository.AddIssue("Postmortem: disk", "tracking", ["postmortem"]);
        var child = Repository.AddIssue("Add an alert", "item", ["action-item"]);
        await _harness.Tracker.AttachSubIssueAsync(Repo, parent.Number, child.Id, None);

        var again = await _harness.Tracker.AttachSubIssueAsync(Repo, parent.Number, child.Id, None);
        var elsewhere = await _harness.Tracker.AttachSubIssueAsync(Repo, other.Number, child.Id, None);

        Assert.Contains("duplicate sub-issues", again?.Reason, StringComparison.Ordinal);
        Assert.Contains("only have one parent", elsewhere?.Reason, StringComparison.Ordinal);
        Assert.Equal((Repo, parent.Number), Repository.ParentOf(child.Number));
        Assert.Equal(2, _harness.Logs.Entries.Count(e => e.EventId.Id == 1201));
    }

    [Fact]
    public async Task An_attach_whose_answer_was_lost_is_an_uncertain_write_sent_once()
    {
        var parent = Repository.AddIssue("Postmortem: cache", "tracking", ["postmortem"]);
        var child = Repository.AddIssue("Add an alert", "item", ["action-item"]);
        GitHub.Faults.AttachThenFail();

        await Assert.ThrowsAsync<UncertainWriteException>(() => _harness.Tracker.AttachSubIssueAsync(Repo, parent.Number, child.Id, None));

        Assert.Single(GitHub.RequestsTo("POST", $"/repos/acme/ops/issues/{parent.Number}/sub_issues"));
        Assert.Equal([child.Id], await _harness.Tracker.ListSubIssueIdsAsync(Repo, parent.Number, None));
    }

    [Fact]
    public async Task A_secondary_rate_limit_on_an_attach_is_waited_out_and_sent_again_since_GitHub_did_nothing()
    {
        var parent = Repository.AddIssue("Postmortem: cache", "tracking", ["postmortem"]);
        var child = Repository.AddIssue("Add an alert", "item", ["action-item"]);
        GitHub.Faults.RetryAfterSeconds = 0;
        GitHub.Faults.Enqueue(FakeFault.SecondaryRateLimit);

        Assert.Null(await _harness.Tracker.AttachSubIssueAsync(Repo, parent.Number, child.Id, None));

        Assert.Equal([403, 201], GitHub.RequestsTo("POST", $"/repos/acme/ops/issues/{parent.Number}/sub_issues").Select(r => r.StatusCode));
        Assert.Single(Repository.SubIssues(parent.Number));
    }

    [Fact]
    public async Task A_parent_holds_at_most_100_sub_issues_and_they_are_listed_in_one_page_of_100()
    {
        var parent = Repository.AddIssue("Postmortem: big", "tracking", ["postmortem"]);
        var children = Enumerable.Range(0, 101).Select(i => Repository.AddIssue($"Item {i}", "item", ["action-item"])).ToList();
        foreach (var child in children.Take(100))
        {
            Assert.Null(await _harness.Tracker.AttachSubIssueAsync(Repo, parent.Number, child.Id, None));
        }

        var full = await _harness.Tracker.AttachSubIssueAsync(Repo, parent.Number, children[100].Id, None);
        var listed = await _harness.Tracker.ListSubIssueIdsAsync(Repo, parent.Number, None);

        Assert.Contains("more than 100", full?.Reason, StringComparison.Ordinal);
        Assert.Equal(children.Take(100).Select(c => c.Id), listed);
        Assert.Contains("per_page=100", Assert.Single(GitHub.RequestsTo("GET", $"/repos/acme/ops/issues/{parent.Number}/sub_issues")).Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_tracking_issue_is_found_by_its_postmortem_marker_and_closed_then_reopened()
    {
        var key = IssueMarker.PostmortemKeyFor("acme/ops", "postmortems/cache.md");
        Repository.AddIssue("Add an alert", $"item\n{IssueMarker.For("k")}", ["action-item", "postmortem"]);
        var tracking = Repository.AddIssue("Postmortem: cache", $"tracking\n{IssueMarker.ForPostmortem(key)}", ["postmortem"]);

        var found = await _harness.Tracker.FindTrackingIssueAsync(Repo, key, DateTimeOffset.UnixEpoch, None);
        await _harness.Tracker.SetStateAsync(Repo, tracking.Number, ItemState.Closed, None);
        var closed = Repository.Issue(tracking.Number)!;
        await _harness.Tracker.SetStateAsync(Repo, tracking.Number, ItemState.Open, None);

        Assert.Equal((tracking.Number, tracking.Id), (found?.Number, found?.Id));
        Assert.Equal(("closed", "completed"), (closed.State, closed.StateReason));
        Assert.Equal(("open", "reopened"), (Repository.Issue(tracking.Number)!.State, Repository.Issue(tracking.Number)!.StateReason));
        Assert.Contains("labels=postmortem", GitHub.RequestsTo("GET", "/repos/acme/ops/issues")[0].Query, StringComparison.Ordinal);
        Assert.Equal(tracking.Id, (await _harness.Tracker.GetIssueAsync(Repo, tracking.Number, None)).Id);
    }

    [Fact]
    public async Task Whether_an_owner_can_be_assigned_is_asked_once_an_hour_not_once_per_issue()
    {
        var clock = new FakeTimeProvider();
        var tracker = new GitHubIssueTracker(_harness.Client, Microsoft.Extensions.Logging.Abstractions.NullLogger<GitHubIssueTracker>.Instance, time: clock);
        Repository.AddAssignees("alice");

        await tracker.CreateAsync(Repo, new IssueDraft("One", "b", [], ["alice"]), None);
        await tracker.CreateAsync(Repo, new IssueDraft("Two", "b", [], ["alice"]), None);
        clock.Advance(TimeSpan.FromHours(1));
        await tracker.CreateAsync(Repo, new IssueDraft("Three", "b", [], ["alice"]), None);

        Assert.Equal(2, GitHub.RequestsTo("GET", "/repos/acme/ops/assignees/alice").Count);
        Assert.All(Repository.Issues, i => Assert.Equal(["alice"], i.Assignees));
    }
}
