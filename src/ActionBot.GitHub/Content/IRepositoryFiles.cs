using ActionBot.GitHub.Api;

namespace ActionBot.GitHub.Content;

/// <summary>One changed file of a pull request: its path, GitHub's status (added, modified, renamed, removed ...).</summary>
public sealed record ChangedFile(string Path, string Status, string? PreviousPath = null);

/// <summary>
/// What the bot reads of a repository's files, and nothing more: the port through which processing reads GitHub,
/// so that only the adapter behind it knows Octokit.
/// </summary>
public interface IRepositoryFiles
{
    /// <summary>Every changed file of a pull request (GitHub lists at most 3,000).</summary>
    Task<IReadOnlyList<ChangedFile>> ListPullRequestFilesAsync(GitHubRepoName repository, int number, CancellationToken cancellationToken);

    /// <summary>The bytes of the file at <paramref name="path"/> as of <paramref name="gitRef"/>, whatever its size; null when there is none.</summary>
    Task<byte[]?> ReadFileAsync(GitHubRepoName repository, string path, string gitRef, CancellationToken cancellationToken);
}
