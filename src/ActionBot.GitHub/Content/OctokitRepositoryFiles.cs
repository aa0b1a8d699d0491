using ActionBot.GitHub.Api;
using ActionBot.GitHub.Webhooks;
using Octokit;

namespace ActionBot.GitHub.Content;

/// <summary><see cref="IRepositoryFiles"/> over Octokit.</summary>
public sealed class OctokitRepositoryFiles(IGitHubClient github) : IRepositoryFiles
{
    private static readonly ApiOptions AllPages = new() { PageSize = 100 };
    private static readonly ApiOptions FirstOnly = new() { PageSize = 1, PageCount = 1 };

    public async Task<IReadOnlyList<ChangedFile>> ListPullRequestFilesAsync(GitHubRepoName repository, int number, CancellationToken cancellationToken)
    {
        var files = await GitHubCall.RunAsync(() => github.PullRequest.Files(repository.Owner, repository.Name, number, AllPages), cancellationToken);
        return [.. files.Select(f => new ChangedFile(f.FileName, f.Status, f.PreviousFileName))];
    }

    public async Task<byte[]?> ReadFileAsync(GitHubRepoName repository, string path, string gitRef, CancellationToken cancellationToken)
    {
        try
        {
            // The raw media type gives the file itself, whatever its size (the JSON shape leaves files over 1 MB empty).
            var raw = await GitHubCall.RunAsync(
                () => github.Repository.Content.GetRawContentByRef(repository.Owner, repository.Name, GitHubPath.File(path), GitHubPath.Segment(gitRef)),
                cancellationToken);
            return raw ?? await ReadEncodedAsync(repository, path, gitRef, cancellationToken);
        }
        catch (NotFoundException)
        {
            return null;
        }
    }

    // Octokit gives null when the answer is not the raw media type: a server that ignores it (an older GitHub
    // Enterprise, a proxy) answered with the JSON shape, the file base64-encoded in "content".
    private async Task<byte[]?> ReadEncodedAsync(GitHubRepoName repository, string path, string gitRef, CancellationToken cancellationToken)
    {
        var entries = await GitHubCall.RunAsync(
            () => github.Repository.Content.GetAllContentsByRef(repository.Owner, repository.Name, GitHubPath.File(path), GitHubPath.Segment(gitRef)),
            cancellationToken);
        return entries is [{ Type.StringValue: "file", EncodedContent: { } encoded }]
            ? Convert.FromBase64String(encoded.Replace("\n", "", StringComparison.Ordinal))
            : null;
    }

    public async Task<BranchHead> GetDefaultBranchHeadAsync(GitHubRepoName repository, CancellationToken cancellationToken)
    {
        var repo = await GitHubCall.RunAsync(() => github.Repository.Get(repository.Owner, repository.Name), cancellationToken);
        var branch = await GitHubCall.RunAsync(
            () => github.Repository.Branch.Get(repository.Owner, repository.Name, GitHubPath.Segment(repo.DefaultBranch)), cancellationToken);
        return new BranchHead(repo.DefaultBranch, branch.Commit.Sha, repo.HtmlUrl);
    }

    public async Task<IReadOnlyList<string>> ListFilesAsync(GitHubRepoName repository, string commitSha, PostmortemPathMatcher matcher, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(matcher);
        var files = new List<string>();
        await CollectAsync(repository, GitHubPath.Segment(commitSha), "", matcher, files, cancellationToken);
        files.Sort(StringComparer.Ordinal);
        return files;
    }

    public async Task<FileCommit?> GetLastCommitAsync(GitHubRepoName repository, string path, string commitSha, CancellationToken cancellationToken)
    {
        var request = new CommitRequest { Path = path, Sha = commitSha };
        var commits = await GitHubCall.RunAsync(() => github.Repository.Commit.GetAll(repository.Owner, repository.Name, request, FirstOnly), cancellationToken);
        return commits is [var last, ..] ? new FileCommit(last.Sha, last.Commit.Committer.Date, last.Author?.Login) : null;
    }

    // A tree is listed whole in one request (recursive). GitHub truncates a listing past 100,000 entries or 7 MB; then,
    // as its documentation advises, this level is read alone and each folder that may hold postmortems is listed the same way.
    private async Task CollectAsync(GitHubRepoName repository, string tree, string prefix, PostmortemPathMatcher matcher, List<string> files, CancellationToken cancellationToken)
    {
        var whole = await GitHubCall.RunAsync(() => github.Git.Tree.GetRecursive(repository.Owner, repository.Name, tree), cancellationToken);
        if (!whole.Truncated)
        {
            files.AddRange(whole.Tree.Where(e => e.Type.StringValue == "blob").Select(e => prefix + e.Path).Where(p => matcher.IsMatch(p)));
            return;
        }

        var level = await GitHubCall.RunAsync(() => github.Git.Tree.Get(repository.Owner, repository.Name, tree), cancellationToken);
        foreach (var entry in level.Tree)
        {
            var path = prefix + entry.Path;
            if (entry.Type.StringValue == "blob" && matcher.IsMatch(path))
            {
                files.Add(path);
            }
            else if (entry.Type.StringValue == "tree" && matcher.MayMatchBelow(path))
            {
                await CollectAsync(repository, entry.Sha, path + "/", matcher, files, cancellationToken);
            }
        }
    }
}
