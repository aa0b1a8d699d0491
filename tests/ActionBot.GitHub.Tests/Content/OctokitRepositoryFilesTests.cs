using System.Text;
using ActionBot.GitHub.Tests.Api;
using ActionBot.Testing.GitHub;

namespace ActionBot.GitHub.Tests.Content;

public sealed class OctokitRepositoryFilesTests : IAsyncLifetime
{
    private GitHubApiHarness _harness = null!;

    private FakeGitHubServer GitHub => _harness.GitHub;

    public async Task InitializeAsync() => _harness = await GitHubApiHarness.StartAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task PullRequestFiles_WalkEveryPageOfAPullRequestWith250Files()
    {
        var files = Enumerable.Range(1, 250).Select(i => new FakeFileChange($"postmortems/{i:000}.md", "added")).ToList();
        _harness.Repository.AddPullRequest(7, files);

        var listed = await _harness.Files.ListPullRequestFilesAsync(GitHubApiHarness.Repo, 7, CancellationToken.None);

        Assert.Equal(files.Select(f => f.Filename), listed.Select(f => f.Path));
        Assert.All(listed, f => Assert.Equal("added", f.Status));
        var pages = GitHub.RequestsTo("GET", "/repos/acme/ops/pulls/7/files");
        Assert.Equal(3, pages.Count);
        Assert.All(pages, p => Assert.Contains("per_page=100", p.Query, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ARenamedFile_KeepsItsPreviousPath()
    {
        _harness.Repository.AddPullRequest(8, [new FakeFileChange("postmortems/new.md", "renamed", PreviousFilename: "postmortems/old.md")]);

        var file = Assert.Single(await _harness.Files.ListPullRequestFilesAsync(GitHubApiHarness.Repo, 8, CancellationToken.None));

        Assert.Equal(("postmortems/new.md", "renamed", "postmortems/old.md"), (file.Path, file.Status, file.PreviousPath));
    }

    [Fact]
    public async Task AFile_IsReadAtTheRequestedRef_AsTheRawMediaTypeGitHubSends()
    {
        _harness.Repository
            .AddFile("aaa111", "postmortems/2025-01-17 checkout.md", "# Before")
            .AddFile("bbb222", "postmortems/2025-01-17 checkout.md", "# After\n- [ ] Add an alert");

        var content = await _harness.Files.ReadFileAsync(GitHubApiHarness.Repo, "postmortems/2025-01-17 checkout.md", "bbb222", CancellationToken.None);

        Assert.Equal("# After\n- [ ] Add an alert", Encoding.UTF8.GetString(content!));
        var request = Assert.Single(GitHub.RequestsTo("GET", "/repos/acme/ops/contents/"));
        Assert.Equal("?ref=bbb222", request.Query);
        Assert.Equal("application/vnd.github.v3.raw", request.Headers["Accept"]);
    }

    [Fact]
    public async Task APathWithCharactersThatMeanSomethingInAUrl_IsReadWhole()
    {
        const string path = "postmortems/2025 Q1/#3 50% off? & more.md";
        _harness.Repository.AddFile("ccc333", path, "# Odd name");

        var content = await _harness.Files.ReadFileAsync(GitHubApiHarness.Repo, path, "ccc333", CancellationToken.None);

        Assert.Equal("# Odd name", Encoding.UTF8.GetString(content!));
    }

    [Fact]
    public async Task AServerThatIgnoresTheRawMediaType_IsReadFromTheBase64Content()
    {
        GitHub.IgnoresRawMediaType = true;
        _harness.Repository.AddFile("ddd444", "postmortems/plain.md", "# Café outage\n- [ ] Add an alert — today");

        var content = await _harness.Files.ReadFileAsync(GitHubApiHarness.Repo, "postmortems/plain.md", "ddd444", CancellationToken.None);

        Assert.Equal("# Café outage\n- [ ] Add an alert — today", Encoding.UTF8.GetString(content!));
    }

    [Fact]
    public async Task AFileLargerThanOneMegabyte_IsReadWhole()
    {
        var large = new byte[1_500_000];
        Array.Fill(large, (byte)'x');
        _harness.Repository.AddFile("eee555", "postmortems/huge.md", large);

        var content = await _harness.Files.ReadFileAsync(GitHubApiHarness.Repo, "postmortems/huge.md", "eee555", CancellationToken.None);

        Assert.Equal(large, content);
    }

    [Fact]
    public async Task AMissingFile_IsNull()
    {
        Assert.Null(await _harness.Files.ReadFileAsync(GitHubApiHarness.Repo, "postmortems/none.md", "aaa111", CancellationToken.None));
    }
}
