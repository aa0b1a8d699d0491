using System.Text;
using ActionBot.GitHub.Api;
using ActionBot.Testing.GitHub;

namespace ActionBot.GitHub.Tests.Api;

public sealed class GitHubClientTests : IAsyncLifetime
{
    private static readonly GitHubRepoName Repo = GitHubApiHarness.Repo;
    private GitHubApiHarness _harness = null!;

    private GitHubClient Client => _harness.Client;

    private FakeGitHubServer GitHub => _harness.GitHub;

    public async Task InitializeAsync() => _harness = await GitHubApiHarness.StartAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task ListPullRequestFiles_WalksEveryPageOfAPullRequestWith250Files()
    {
        var files = Enumerable.Range(1, 250).Select(i => new FakeFileChange($"postmortems/{i:000}.md", "added")).ToList();
        _harness.Repository.AddPullRequest(7, files);

        var listed = await Client.ListPullRequestFilesAsync(Repo, 7).ToListAsync();

        Assert.Equal(files.Select(f => f.Filename), listed.Select(f => f.Filename));
        Assert.All(listed, f => Assert.Equal("added", f.Status));
        var pages = GitHub.RequestsTo("GET", "/repos/acme/ops/pulls/7/files");
        Assert.Equal(["?per_page=100", "?per_page=100&page=2", "?per_page=100&page=3"], pages.Select(r => r.Query));
    }

    [Fact]
    public async Task GetFileContent_ReturnsTheBytesOfTheFileAtTheRequestedRef()
    {
        _harness.Repository
            .AddFile("aaa111", "postmortems/2025-01-17 checkout.md", "# Before")
            .AddFile("bbb222", "postmortems/2025-01-17 checkout.md", "# After\n- [ ] Add an alert");

        var content = await Client.GetFileContentAsync(Repo, "postmortems/2025-01-17 checkout.md", "bbb222");

        Assert.Equal("# After\n- [ ] Add an alert", Encoding.UTF8.GetString(content));
        var request = Assert.Single(GitHub.RequestsTo("GET", "/repos/acme/ops/contents/"));
        Assert.Equal("?ref=bbb222", request.Query);
        Assert.Equal("application/vnd.github.raw+json", request.Headers["Accept"]);
    }

    [Fact]
    public async Task GetFileContent_FromAServerThatIgnoresTheRawMediaType_DecodesTheBase64Content()
    {
        GitHub.IgnoresRawMediaType = true;
        _harness.Repository.AddFile("ddd444", "postmortems/plain.md", "# Café outage\n- [ ] Add an alert — today");

        var content = await Client.GetFileContentAsync(Repo, "postmortems/plain.md", "ddd444");

        Assert.Equal("# Café outage\n- [ ] Add an alert — today", Encoding.UTF8.GetString(content));
    }

    [Fact]
    public async Task GetFileContent_ReturnsAFileLargerThanOneMegabyteWhole()
    {
        var large = new byte[1_500_000];
        Array.Fill(large, (byte)'x');
        _harness.Repository.AddFile("ccc333", "postmortems/huge.md", large);

        var content = await Client.GetFileContentAsync(Repo, "postmortems/huge.md", "ccc333");

        Assert.Equal(large, content);
    }

    [Fact]
    public async Task GetFileContent_OfAMissingFile_ThrowsGitHubNotFoundException()
    {
        await Assert.ThrowsAsync<GitHubNotFoundException>(() => Client.GetFileContentAsync(Repo, "postmortems/none.md", "aaa111"));
    }

    [Fact]
    public async Task CreateIssue_SendsTitleBodyLabelsAndAssignees_AndReadsGitHubsAnswer()
    {
        _harness.Repository.AddAssignees("alice", "bob").AddLabel("action-item", "d73a4a");

        var issue = await Client.CreateIssueAsync(Repo, new NewIssue("Add an alert on certificate expiry", "Body text", ["action-item", "postmortem"], ["alice"]));

        Assert.Equal(1, issue.Number);
        Assert.Equal("open", issue.State);
        Assert.Equal("Add an alert on certificate expiry", issue.Title);
        Assert.Equal(["action-item", "postmortem"], issue.Labels.Select(l => l.Name));
        Assert.Equal("d73a4a", issue.Labels[0].Color);
        Assert.Equal("alice", Assert.Single(issue.Assignees).Login);
        Assert.Equal("https://github.com/acme/ops/issues/1", issue.HtmlUrl);
        Assert.False(issue.IsPullRequest);
        var sent = Assert.Single(GitHub.RequestsTo("POST", "/repos/acme/ops/issues")).Body;
        Assert.Equal("""{"title":"Add an alert on certificate expiry","body":"Body text","labels":["action-item","postmortem"],"assignees":["alice"]}""", sent);
        Assert.Equal(1, GitHub.IssuesCreated);
    }

    [Fact]
    public async Task CreateIssue_WithAnAssigneeWhoCannotBeAssigned_ThrowsGitHubValidationExceptionWithGitHubsErrors()
    {
        _harness.Repository.AddAssignees("alice");

        var error = await Assert.ThrowsAsync<GitHubValidationException>(
            () => Client.CreateIssueAsync(Repo, new NewIssue("Rotate the keys", Assignees: ["alice", "mallory"])));

        var detail = Assert.Single(error.Errors);
        Assert.Equal(("Issue", "assignees", "invalid"), (detail.Resource, detail.Field, detail.Code));
        Assert.True(error.HasCode("invalid"));
        Assert.Empty(_harness.Repository.Issues);
    }

    [Fact]
    public async Task UpdateIssue_SendsOnlyTheFieldsItSets()
    {
        var seeded = _harness.Repository.AddIssue("Rotate the keys", "old body", ["action-item"]);

        var updated = await Client.UpdateIssueAsync(Repo, seeded.Number, new IssueUpdate(Body: "new body"));

        Assert.Equal("new body", updated.Body);
        Assert.Equal("Rotate the keys", updated.Title);
        Assert.Equal(["action-item"], updated.Labels.Select(l => l.Name));
        Assert.Equal("""{"body":"new body"}""", Assert.Single(GitHub.RequestsTo("PATCH", "/repos/acme/ops/issues/1")).Body);
    }

    [Fact]
    public async Task UpdateIssue_ClosingAnIssue_SetsItsStateAndReason()
    {
        var seeded = _harness.Repository.AddIssue("Rotate the keys");

        var closed = await Client.UpdateIssueAsync(Repo, seeded.Number, new IssueUpdate(State: "closed", StateReason: "not_planned"));

        Assert.Equal(("closed", "not_planned"), (closed.State, closed.StateReason));
        Assert.NotNull(closed.ClosedAt);
    }

    [Fact]
    public async Task CreateComment_AddsACommentToTheIssue()
    {
        var seeded = _harness.Repository.AddIssue("Rotate the keys");

        var comment = await Client.CreateCommentAsync(Repo, seeded.Number, "Reminder: due tomorrow");

        Assert.Equal("Reminder: due tomorrow", comment.Body);
        Assert.Equal("Reminder: due tomorrow", Assert.Single(_harness.Repository.Issue(seeded.Number)!.Comments).Body);
    }

    [Fact]
    public async Task GetIssue_ReadsOneIssue_AndAMissingOneIsNotFound()
    {
        _harness.Repository.AddIssue("Rotate the keys", "body", ["action-item"], []);

        var issue = await Client.GetIssueAsync(Repo, 1);

        Assert.Equal(("Rotate the keys", "body"), (issue.Title, issue.Body));
        await Assert.ThrowsAsync<GitHubNotFoundException>(() => Client.GetIssueAsync(Repo, 99));
    }

    [Fact]
    public async Task ListIssues_LeavesOutPullRequestsAndFiltersByLabel()
    {
        _harness.Repository.AddIssue("First item", labels: ["action-item"]);
        _harness.Repository.AddPullRequest(2, [], "A pull request with the label", "action-item");
        _harness.Repository.AddIssue("Unrelated bug", labels: ["bug"]);
        _harness.Repository.AddIssue("Second item", labels: ["action-item", "postmortem"]);

        var issues = await Client.ListIssuesAsync(Repo, new GitHubIssueQuery(Labels: ["action-item"])).ToListAsync();

        Assert.Equal(["Second item", "First item"], issues.Select(i => i.Title));
        Assert.Equal("?state=all&labels=action-item&per_page=100", Assert.Single(GitHub.RequestsTo("GET", "/repos/acme/ops/issues")).Query);
    }

    [Fact]
    public async Task ListIssues_WalksEveryPageOfMoreThanOneHundredIssues()
    {
        for (var i = 1; i <= 150; i++)
        {
            _harness.Repository.AddIssue($"Item {i}", labels: ["action-item"]);
        }

        var issues = await Client.ListIssuesAsync(Repo, new GitHubIssueQuery(Labels: ["action-item"])).ToListAsync();

        Assert.Equal(150, issues.Select(i => i.Number).Distinct().Count());
        Assert.Equal(2, GitHub.RequestsTo("GET", "/repos/acme/ops/issues").Count);
    }

    [Fact]
    public async Task ListIssues_PolledAgainUnchanged_ReusesTheCachedPageFromA304()
    {
        _harness.Repository.AddIssue("First item", labels: ["action-item"]);
        var query = new GitHubIssueQuery(Labels: ["action-item"]);

        var first = await Client.ListIssuesAsync(Repo, query).ToListAsync();
        var usedAfterFirst = GitHub.RateLimitUsed;
        var second = await Client.ListIssuesAsync(Repo, query).ToListAsync();

        Assert.Equal(first.Select(i => (i.Number, i.Title, i.UpdatedAt)), second.Select(i => (i.Number, i.Title, i.UpdatedAt)));
        Assert.Equal(1, GitHub.NotModifiedResponses);
        Assert.Equal(usedAfterFirst, GitHub.RateLimitUsed); // a 304 costs no rate limit
        var polls = GitHub.RequestsTo("GET", "/repos/acme/ops/issues");
        Assert.False(polls[0].Headers.ContainsKey("If-None-Match"));
        Assert.Equal(304, polls[1].StatusCode);

        await Client.UpdateIssueAsync(Repo, 1, new IssueUpdate(Title: "Renamed item"));
        var third = await Client.ListIssuesAsync(Repo, query).ToListAsync();

        Assert.Equal("Renamed item", Assert.Single(third).Title);
        Assert.Equal(1, GitHub.NotModifiedResponses);
    }

    [Fact]
    public async Task ListIssues_SinceATime_SendsItInUtcIso8601()
    {
        await Client.ListIssuesAsync(Repo, new GitHubIssueQuery("open", ["action-item"], new DateTimeOffset(2025, 3, 1, 10, 0, 0, TimeSpan.FromHours(1)))).ToListAsync();

        Assert.Equal("?state=open&labels=action-item&since=2025-03-01T09%3A00%3A00Z&per_page=100", Assert.Single(GitHub.RequestsTo("GET", "/repos/acme/ops/issues")).Query);
    }

    [Fact]
    public async Task GetLabel_OfAMissingLabel_ReturnsNull_AndCreateLabelCreatesIt()
    {
        Assert.Null(await Client.GetLabelAsync(Repo, "action-item"));

        var created = await Client.CreateLabelAsync(Repo, new NewLabel("action-item", "d73a4a", "Follow-up of a postmortem"));

        Assert.Equal(("action-item", "d73a4a", "Follow-up of a postmortem"), (created.Name, created.Color, created.Description));
        Assert.Equal(created, await Client.GetLabelAsync(Repo, "action-item"));
    }

    [Fact]
    public async Task CreateLabel_ThatAlreadyExists_ReturnsTheExistingLabel()
    {
        _harness.Repository.AddLabel("action-item", "0e8a16");

        var label = await Client.CreateLabelAsync(Repo, new NewLabel("action-item", "d73a4a"));

        Assert.Equal("0e8a16", label.Color);
        Assert.Equal(422, Assert.Single(GitHub.RequestsTo("POST", "/repos/acme/ops/labels")).StatusCode);
    }

    [Fact]
    public async Task IsAssignable_IsTrueForAnAssignableUserAndFalseForAnyoneElse()
    {
        _harness.Repository.AddAssignees("alice");

        Assert.True(await Client.IsAssignableAsync(Repo, "alice"));
        Assert.False(await Client.IsAssignableAsync(Repo, "mallory"));
    }

    [Fact]
    public async Task GetRepository_ReadsTheDefaultBranch()
    {
        GitHub.AddRepository("acme/legacy", defaultBranch: "trunk");

        var repository = await Client.GetRepositoryAsync(GitHubRepoName.Parse("acme/legacy"));

        Assert.Equal(("acme/legacy", "trunk"), (repository.FullName, repository.DefaultBranch));
    }

    [Fact]
    public async Task CompareCommits_ListsTheCommitsAndFilesChangedBetweenTwoRefs()
    {
        _harness.Repository
            .AddCommit("c1", null, [new FakeFileChange("README.md")])
            .AddCommit("c2", "c1", [new FakeFileChange("postmortems/a.md", "added")])
            .AddCommit("c3", "c2", [new FakeFileChange("postmortems/b.md", "added"), new FakeFileChange("postmortems/a.md", "modified")]);

        var comparison = await Client.CompareCommitsAsync(Repo, "c1", "c3");

        Assert.Equal(("ahead", 2), (comparison.Status, comparison.TotalCommits));
        Assert.Equal(["c2", "c3"], comparison.Commits!.Select(c => c.Sha));
        Assert.Equal([("postmortems/a.md", "modified"), ("postmortems/b.md", "added")], comparison.Files!.Select(f => (f.Filename, f.Status)).Order());
    }

    [Fact]
    public async Task GetCommit_ListsItsFilesAndParent()
    {
        _harness.Repository.AddCommit("c2", "c1", [new FakeFileChange("postmortems/new.md", "renamed", PreviousFilename: "postmortems/old.md")]);

        var commit = await Client.GetCommitAsync(Repo, "c2");

        Assert.Equal("c1", Assert.Single(commit.Parents!).Sha);
        var file = Assert.Single(commit.Files!);
        Assert.Equal(("postmortems/new.md", "renamed", "postmortems/old.md"), (file.Filename, file.Status, file.PreviousFilename));
    }

    [Fact]
    public async Task EveryRequest_CarriesTheTokenTheApiVersionAndAUserAgent()
    {
        await Client.GetRepositoryAsync(Repo);

        var headers = Assert.Single(GitHub.Requests).Headers;
        Assert.Equal($"Bearer {FakeGitHubServer.DefaultToken}", headers["Authorization"]);
        Assert.Equal(GitHubServiceCollectionExtensions.ApiVersion, headers["X-GitHub-Api-Version"]);
        Assert.StartsWith("ActionBot", headers["User-Agent"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWrongToken_IsAGitHubAuthenticationException()
    {
        await using var harness = await GitHubApiHarness.StartAsync(settings: (_, values) => values["ActionBot:GitHub:Token"] = "ghp_wrong");

        await Assert.ThrowsAsync<GitHubAuthenticationException>(() => harness.Client.GetRepositoryAsync(Repo));
        Assert.Single(harness.GitHub.Requests); // a fixed token is not worth a second try
    }
}
