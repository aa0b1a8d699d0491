using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ActionBot.Testing.GitHub;

// A branch, the git tree of a commit (recursive, truncated past a limit), and the commit list (by path, from a sha).
public sealed partial class FakeGitHubServer
{
    private const string FileMode = "100644";
    private const string FolderMode = "040000";

    /// <summary>The sha the fake gives a folder's tree at a commit ("" is the root), for tests that look at requests.</summary>
    public static string TreeShaOf(string commitSha, string folder) => FakeGitHubJson.TreeSha(commitSha, folder);

    /// <summary>Entries of a recursive tree listing past which GitHub truncates it (100,000; lower it to test truncation).</summary>
    public int TreeEntryLimit { get; set; } = 100_000;

    private void MapGitDataEndpoints(WebApplication app)
    {
        app.MapGet("/repos/{owner}/{repo}/branches/{**branch}", (string owner, string repo, string branch) =>
            WithRepository(owner, repo, r => Branch(r, Uri.UnescapeDataString(branch))));

        app.MapGet("/repos/{owner}/{repo}/git/trees/{**treeSha}", (HttpContext context, string owner, string repo, string treeSha) =>
            WithRepository(owner, repo, r => Tree(context, r, Uri.UnescapeDataString(treeSha))));

        app.MapGet("/repos/{owner}/{repo}/commits", (HttpContext context, string owner, string repo) =>
            WithRepository(owner, repo, r => ListCommits(context, r)));
    }

    private IResult Branch(FakeRepository repository, string branch)
    {
        if (repository.BranchHead(branch) is not { } sha || repository.Commit(sha) is not { } commit)
        {
            return Json(FakeGitHubJson.Error("Branch not found", 404), StatusCodes.Status404NotFound);
        }

        var url = $"{Api}repos/{repository.FullName}/branches/{Uri.EscapeDataString(branch)}";
        return Json(new
        {
            name = branch,
            commit = FakeGitHubJson.CommitSummary(Api, repository, commit),
            _links = new { self = url, html = $"https://github.com/{repository.FullName}/tree/{branch}" },
            @protected = false,
            protection = new { enabled = false, required_status_checks = new { enforcement_level = "off", contexts = Array.Empty<string>(), checks = Array.Empty<object>() } },
            protection_url = $"{url}/protection",
        });
    }

    // tree_sha is a tree's sha, or a commit sha or branch name (GitHub resolves those to the commit's root tree).
    private IResult Tree(HttpContext context, FakeRepository repository, string treeSha)
    {
        var commitSha = repository.BranchHead(treeSha) ?? treeSha;
        var (commit, folder) = repository.Commit(commitSha) is not null ? (commitSha, "") : FindTree(repository, treeSha);
        if (commit is null)
        {
            return NotFound();
        }

        var recursive = context.Request.Query.ContainsKey("recursive");
        var entries = TreeEntries(repository, commit, folder, recursive);
        // GitHub truncates recursive listings (past 100,000 entries or 7 MB); one level is listed whole here.
        var truncated = recursive && entries.Count > TreeEntryLimit;
        var sha = FakeGitHubJson.TreeSha(commit, folder);
        return Json(new
        {
            sha,
            url = $"{Api}repos/{repository.FullName}/git/trees/{sha}",
            tree = truncated ? entries.Take(TreeEntryLimit).ToList() : entries,
            truncated,
        });
    }

    private static (string? Commit, string Folder) FindTree(FakeRepository repository, string treeSha)
    {
        foreach (var commit in repository.Commits)
        {
            foreach (var folder in Folders(repository, commit.Sha).Prepend(""))
            {
                if (FakeGitHubJson.TreeSha(commit.Sha, folder) == treeSha)
                {
                    return (commit.Sha, folder);
                }
            }
        }

        return (null, "");
    }

    // The entries below a folder, paths relative to it: its files and folders, and with recursive everything deeper too.
    private List<object> TreeEntries(FakeRepository repository, string commit, string folder, bool recursive)
    {
        var prefix = folder.Length == 0 ? "" : folder + "/";
        var files = repository.FilesAt(commit).Where(f => f.Path.StartsWith(prefix, StringComparison.Ordinal))
            .Select(f => (Path: f.Path[prefix.Length..], f.Content)).ToList();
        var folders = Folders(repository, commit).Where(f => f.StartsWith(prefix, StringComparison.Ordinal)).Select(f => f[prefix.Length..]);
        var entries = new List<(string Path, object Entry)>();
        foreach (var (path, content) in files.Where(f => recursive || !f.Path.Contains('/', StringComparison.Ordinal)))
        {
            var sha = FakeGitHubJson.Sha($"blob:{commit}:{prefix}{path}");
            entries.Add((path, new { path, mode = FileMode, type = "blob", sha, size = content.Length, url = $"{Api}repos/{repository.FullName}/git/blobs/{sha}" }));
        }

        foreach (var path in folders.Where(f => recursive || !f.Contains('/', StringComparison.Ordinal)))
        {
            var sha = FakeGitHubJson.TreeSha(commit, prefix + path);
            entries.Add((path, new { path, mode = FolderMode, type = "tree", sha, url = $"{Api}repos/{repository.FullName}/git/trees/{sha}" }));
        }

        return [.. entries.OrderBy(e => e.Path, StringComparer.Ordinal).Select(e => e.Entry)];
    }

    private static IEnumerable<string> Folders(FakeRepository repository, string commit) =>
        repository.FilesAt(commit)
            .SelectMany(f => Enumerable.Range(1, f.Path.Count(c => c == '/')).Select(depth => string.Join('/', f.Path.Split('/').Take(depth))))
            .Distinct(StringComparer.Ordinal);

    // Newest first from sha (a commit or branch; the default branch when absent), only those that changed path when given.
    private IResult ListCommits(HttpContext context, FakeRepository repository)
    {
        var start = context.Request.Query["sha"].FirstOrDefault() ?? repository.DefaultBranch;
        var path = context.Request.Query["path"].FirstOrDefault();
        if (repository.Commit(repository.BranchHead(start) ?? start) is not { } head)
        {
            return Json(FakeGitHubJson.Error($"No commit found for SHA: {start}", 404), StatusCodes.Status404NotFound);
        }

        var history = new List<FakeCommit>();
        for (var commit = head; commit is not null; commit = commit.ParentSha is { } parent ? repository.Commit(parent) : null)
        {
            if (path is null || commit.Files.Any(f => f.Filename == path.Trim('/')))
            {
                history.Add(commit);
            }
        }

        return Json(Page(context, history).Select(c => FakeGitHubJson.CommitSummary(Api, repository, c)));
    }
}
