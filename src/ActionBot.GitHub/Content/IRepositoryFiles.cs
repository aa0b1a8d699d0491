using ActionBot.GitHub.Api;
using ActionBot.GitHub.Webhooks;

namespace ActionBot.GitHub.Content;

/// <summary>One changed file of a pull request: its path, GitHub's status (added, modified, renamed, removed ...).</summary>
public sealed record ChangedFile(string Path, string Status, string? PreviousPath = null);

/// <summary>A repository's default branch as it stands: its name, its head commit, and the repository's web address.</summary>
public sealed record BranchHead(string Branch, string CommitSha, string HtmlUrl);

/// <summary>The commit that last changed a file: its sha, when it landed (committer date), and its author's login if GitHub knows one.</summary>
public sealed record FileCommit(string Sha, DateTimeOffset Date, string? AuthorLogin);

/// <summary>
/// What the bot reads of a repository's files, and nothing more: the port through which processing and backfill read
/// GitHub, so that only the adapter behind it knows Octokit.
/// </summary>
public interface IRepositoryFiles
{
    /// <summary>Every changed file of a pull request (GitHub lists at most 3,000).</summary>
    Task<IReadOnlyList<ChangedFile>> ListPullRequestFilesAsync(GitHubRepoName repository, int number, CancellationToken cancellationToken);

    /// <summary>The bytes of the file at <paramref name="path"/> as of <paramref name="gitRef"/>, whatever its size; null when there is none.</summary>
    Task<byte[]?> ReadFileAsync(GitHubRepoName repository, string path, string gitRef, CancellationToken cancellationToken);

    /// <summary>The default branch and the commit at its head now.</summary>
    Task<BranchHead> GetDefaultBranchHeadAsync(GitHubRepoName repository, CancellationToken cancellationToken);

    /// <summary>
    /// The paths of the files at <paramref name="commitSha"/> that <paramref name="matcher"/> matches, sorted: the commit's
    /// whole tree in one request, or folder by folder where GitHub truncates it (very large repositories).
    /// </summary>
    Task<IReadOnlyList<string>> ListFilesAsync(GitHubRepoName repository, string commitSha, PostmortemPathMatcher matcher, CancellationToken cancellationToken);

    /// <summary>The latest commit at or before <paramref name="commitSha"/> that changed <paramref name="path"/>; null when none did.</summary>
    Task<FileCommit?> GetLastCommitAsync(GitHubRepoName repository, string path, string commitSha, CancellationToken cancellationToken);
}
