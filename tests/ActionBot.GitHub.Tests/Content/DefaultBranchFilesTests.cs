using ActionBot.GitHub.Tests.Api;
using ActionBot.GitHub.Webhooks;
using ActionBot.Testing.GitHub;

namespace ActionBot.GitHub.Tests.Content;

/// <summary>What backfill reads through <see cref="GitHub.Content.IRepositoryFiles"/>: the branch head, its tree, a file's last commit.</summary>
public sealed class DefaultBranchFilesTests : IAsyncLifetime
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly DateTimeOffset January = new(2024, 1, 15, 10, 0, 0, TimeSpan.Zero);
    private static readonly PostmortemPathMatcher Postmortems = new(["postmortems/**/*.md", "incidents/*/postmortem.md"]);
    private GitHubApiHarness _harness = null!;

    private FakeGitHubServer GitHub => _harness.GitHub;

    public async Task InitializeAsync() => _harness = await GitHubApiHarness.StartAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task The_head_of_the_default_branch_is_read_from_the_repository_and_its_branch()
    {
        var sha = _harness.Repository.CommitToDefaultBranch(January, "alice", ("README.md", "hello"));

        var head = await _harness.Files.GetDefaultBranchHeadAsync(GitHubApiHarness.Repo, None);

        Assert.Equal(("main", sha, "https://github.com/acme/ops"), (head.Branch, head.CommitSha, head.HtmlUrl));
        Assert.Equal(["/repos/acme/ops", "/repos/acme/ops/branches/main"], GitHub.Requests.Select(r => r.Path));
    }

    [Fact]
    public async Task The_files_matching_the_globs_come_from_one_recursive_tree_request()
    {
        var sha = SeedTree();

        var files = await _harness.Files.ListFilesAsync(GitHubApiHarness.Repo, sha, Postmortems, None);

        Assert.Equal(["incidents/2024-03/postmortem.md", "postmortems/2023/db.md", "postmortems/cache.md"], files);
        var request = Assert.Single(GitHub.Requests);
        Assert.Equal(($"/repos/acme/ops/git/trees/{sha}", "?recursive=1"), (request.Path, request.Query));
    }

    [Fact]
    public async Task A_truncated_tree_is_walked_folder_by_folder_skipping_folders_that_cannot_hold_postmortems()
    {
        var sha = SeedTree();
        GitHub.TreeEntryLimit = 3;

        var files = await _harness.Files.ListFilesAsync(GitHubApiHarness.Repo, sha, Postmortems, None);

        Assert.Equal(["incidents/2024-03/postmortem.md", "postmortems/2023/db.md", "postmortems/cache.md"], files);
        var trees = GitHub.RequestsTo("GET", "/repos/acme/ops/git/trees/");
        Assert.DoesNotContain(trees, r => r.Path.EndsWith(Tree(sha, "src"), StringComparison.Ordinal) || r.Path.EndsWith(Tree(sha, "docs"), StringComparison.Ordinal));
        Assert.Contains(trees, r => r.Path.EndsWith(Tree(sha, "postmortems"), StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_last_commit_that_changed_a_file_gives_its_date_and_author()
    {
        _harness.Repository.CommitToDefaultBranch(January, "alice", ("postmortems/cache.md", "v1"));
        var edit = _harness.Repository.CommitToDefaultBranch(January.AddDays(3), "bob", ("postmortems/cache.md", "v2"));
        var head = _harness.Repository.CommitToDefaultBranch(January.AddDays(9), null, ("README.md", "unrelated"));

        var last = await _harness.Files.GetLastCommitAsync(GitHubApiHarness.Repo, "postmortems/cache.md", head, None);
        var none = await _harness.Files.GetLastCommitAsync(GitHubApiHarness.Repo, "postmortems/other.md", head, None);

        Assert.Equal((edit, January.AddDays(3), "bob"), (last?.Sha, last?.Date, last?.AuthorLogin));
        Assert.Null(none);
        var query = GitHub.RequestsTo("GET", "/repos/acme/ops/commits")[0].Query;
        Assert.Contains("path=postmortems%2Fcache.md", query, StringComparison.Ordinal);
        Assert.Contains($"sha={head}", query, StringComparison.Ordinal);
        Assert.Contains("per_page=1", query, StringComparison.Ordinal);
    }

    private string SeedTree() => _harness.Repository.CommitToDefaultBranch(
        January,
        "alice",
        ("README.md", "hello"),
        ("src/app/main.cs", "code"),
        ("src/app/util.cs", "code"),
        ("docs/postmortems/not-matched.md", "doc"),
        ("postmortems/cache.md", "# Cache"),
        ("postmortems/2023/db.md", "# DB"),
        ("postmortems/2023/notes.txt", "notes"),
        ("incidents/2024-03/postmortem.md", "# Incident"));

    private static string Tree(string commit, string folder) => Testing.GitHub.FakeGitHubServer.TreeShaOf(commit, folder);
}
