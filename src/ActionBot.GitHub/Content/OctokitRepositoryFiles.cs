using ActionBot.GitHub.Api;
using Octokit;

namespace ActionBot.GitHub.Content;

/// <summary><see cref="IRepositoryFiles"/> over Octokit.</summary>
public sealed class OctokitRepositoryFiles(IGitHubClient github) : IRepositoryFiles
{
    private static readonly ApiOptions AllPages = new() { PageSize = 100 };

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
}
