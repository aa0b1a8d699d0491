using System.Security.Cryptography;
using System.Text;
using ActionBot.Testing.GitHub;
using ActionBot.Testing.GitHub.Webhooks;

namespace ActionBot.Tests.Infrastructure;

/// <summary>A postmortem file as a pull request adds it.</summary>
internal sealed record PostmortemFile(string Path, string Markdown);

/// <summary>Seeds a merged pull request in the fake GitHub (files at the merge commit, the changed-file list) and builds its delivery.</summary>
internal static class MergedPullRequest
{
    public static readonly DateTimeOffset MergedAt = new(2025, 3, 3, 8, 30, 0, TimeSpan.Zero);

    /// <summary>The merge commit of pull request <paramref name="number"/>: 40 hex digits, the same on every run.</summary>
    public static string MergeSha(int number) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"merge of #{number}")))[..40];

    public static string HtmlUrl(int number) => $"https://github.com/{ActionBotApplication.Repository}/pull/{number}";

    /// <summary>
    /// Adds the pull request to <paramref name="github"/>: <paramref name="otherFiles"/> first, then the postmortems, which
    /// are stored at the merge commit. Returns the body of its <c>pull_request</c> closed-and-merged delivery.
    /// Pull requests and issues share numbers, as on GitHub: pick a number above the issues opened so far.
    /// </summary>
    public static byte[] Seed(FakeGitHubServer github, int number, IReadOnlyList<PostmortemFile> postmortems, IEnumerable<string>? otherFiles = null)
    {
        ArgumentNullException.ThrowIfNull(github);
        ArgumentNullException.ThrowIfNull(postmortems);
        var repository = github.Repository(ActionBotApplication.Repository);
        var sha = MergeSha(number);
        foreach (var file in postmortems)
        {
            repository.AddFile(sha, file.Path, file.Markdown);
        }

        var changes = (otherFiles ?? []).Select(path => new FakeFileChange(path))
            .Concat(postmortems.Select(file => new FakeFileChange(file.Path, "added", Additions: file.Markdown.Split('\n').Length)));
        repository.AddPullRequest(number, changes, $"Postmortems, batch {number}");
        return Delivery(number).Build();
    }

    /// <summary>The delivery of pull request <paramref name="number"/> closed and merged into the default branch; change it further as a test needs.</summary>
    public static PullRequestEventBuilder Delivery(int number) => new PullRequestEventBuilder()
        .InRepository(ActionBotApplication.Repository)
        .WithNumber(number)
        .Merged(MergeSha(number), MergedAt);
}
