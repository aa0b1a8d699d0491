using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace ActionBot.Testing.GitHub;

/// <summary>The JSON shapes of GitHub's REST answers (docs.github.com/rest), as the fake writes them.</summary>
internal static class FakeGitHubJson
{
    public const string DocumentationUrl = "https://docs.github.com/rest";

    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.General) { WriteIndented = false };

    public static string Time(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    public static string? Time(DateTimeOffset? value) => value is { } v ? Time(v) : null;

    // Forty hex digits, like a git object id.
    public static string Sha(string seed) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(seed)))[..40];

    public static object User(string login) => new
    {
        login,
        id = UserId(login),
        node_id = $"U_{UserId(login)}",
        type = login.EndsWith("[bot]", StringComparison.Ordinal) ? "Bot" : "User",
        site_admin = false,
    };

    public static object Error(string message, int status) => new { message, documentation_url = DocumentationUrl, status = status.ToString(CultureInfo.InvariantCulture) };

    public static object ValidationFailed(params object[] errors) => new
    {
        message = "Validation Failed",
        errors,
        documentation_url = DocumentationUrl,
        status = "422",
    };

    public static object Repository(string api, FakeRepository repo) => new
    {
        id = repo.Id,
        node_id = $"R_{repo.Id}",
        name = repo.Name,
        full_name = repo.FullName,
        owner = User(repo.Owner),
        @private = false,
        html_url = $"https://github.com/{repo.FullName}",
        url = $"{api}repos/{repo.FullName}",
        default_branch = repo.DefaultBranch,
    };

    public static object Label(string api, FakeRepository repo, FakeLabel label) => new
    {
        id = label.Id,
        node_id = $"LA_{label.Id}",
        url = $"{api}repos/{repo.FullName}/labels/{Uri.EscapeDataString(label.Name)}",
        name = label.Name,
        color = label.Color,
        @default = false,
        description = label.Description,
    };

    public static Dictionary<string, object?> Issue(string api, FakeRepository repo, FakeIssue issue)
    {
        var url = $"{api}repos/{repo.FullName}/issues/{issue.Number}";
        var json = new Dictionary<string, object?>
        {
            ["id"] = issue.Id,
            ["node_id"] = $"I_{issue.Id}",
            ["url"] = url,
            ["repository_url"] = $"{api}repos/{repo.FullName}",
            ["comments_url"] = $"{url}/comments",
            ["html_url"] = $"https://github.com/{repo.FullName}/{(issue.IsPullRequest ? "pull" : "issues")}/{issue.Number}",
            ["number"] = issue.Number,
            ["state"] = issue.State,
            ["state_reason"] = issue.StateReason,
            ["title"] = issue.Title,
            ["body"] = issue.Body,
            ["user"] = User("actionbot[bot]"),
            ["labels"] = issue.Labels.Select(name => Label(api, repo, repo.Label(name) ?? new FakeLabel(0, name, "ededed", null))).ToList(),
            ["assignee"] = issue.Assignees.Count > 0 ? User(issue.Assignees[0]) : null,
            ["assignees"] = issue.Assignees.Select(User).ToList(),
            ["locked"] = false,
            ["comments"] = issue.Comments.Count,
            ["created_at"] = Time(issue.CreatedAt),
            ["updated_at"] = Time(issue.UpdatedAt),
            ["closed_at"] = Time(issue.ClosedAt),
            ["author_association"] = "NONE",
            ["sub_issues_summary"] = SubIssuesSummary(repo, issue.Number),
        };

        // GitHub marks pull requests in the issues list with this key, and leaves it out for issues.
        if (issue.IsPullRequest)
        {
            json["pull_request"] = new
            {
                url = $"{api}repos/{repo.FullName}/pulls/{issue.Number}",
                html_url = $"https://github.com/{repo.FullName}/pull/{issue.Number}",
                diff_url = $"https://github.com/{repo.FullName}/pull/{issue.Number}.diff",
                patch_url = $"https://github.com/{repo.FullName}/pull/{issue.Number}.patch",
                merged_at = (string?)null,
            };
        }

        return json;
    }

    // GitHub's count of an issue's sub-issues, as every issue object carries it.
    private static object SubIssuesSummary(FakeRepository repo, int number)
    {
        var children = repo.SubIssueRefs(number).Select(c => c.Repository.IssueItem(c.Number)).OfType<FakeIssue>().ToList();
        var completed = children.Count(c => c.State == "closed");
        return new { total = children.Count, completed, percent_completed = children.Count == 0 ? 0 : completed * 100 / children.Count };
    }

    public static object Comment(string api, FakeRepository repo, int number, FakeComment comment) => new
    {
        id = comment.Id,
        node_id = $"IC_{comment.Id}",
        url = $"{api}repos/{repo.FullName}/issues/comments/{comment.Id}",
        html_url = $"https://github.com/{repo.FullName}/issues/{number}#issuecomment-{comment.Id}",
        issue_url = $"{api}repos/{repo.FullName}/issues/{number}",
        body = comment.Body,
        user = User(comment.User),
        created_at = Time(comment.CreatedAt),
        updated_at = Time(comment.CreatedAt),
    };

    public static Dictionary<string, object?> FileChange(string api, FakeRepository repo, string gitRef, FakeFileChange file)
    {
        var json = new Dictionary<string, object?>
        {
            ["sha"] = Sha(gitRef + ":" + file.Filename),
            ["filename"] = file.Filename,
            ["status"] = file.Status,
            ["additions"] = file.Additions,
            ["deletions"] = file.Deletions,
            ["changes"] = file.Additions + file.Deletions,
            ["blob_url"] = $"https://github.com/{repo.FullName}/blob/{gitRef}/{file.Filename}",
            ["raw_url"] = $"https://github.com/{repo.FullName}/raw/{gitRef}/{file.Filename}",
            ["contents_url"] = $"{api}repos/{repo.FullName}/contents/{file.Filename}?ref={gitRef}",
            ["patch"] = $"@@ -0,0 +1,{file.Additions} @@",
        };
        if (file.PreviousFilename is not null)
        {
            json["previous_filename"] = file.PreviousFilename;
        }

        return json;
    }

    public static object CommitSummary(string api, FakeRepository repo, FakeCommit commit) => new
    {
        sha = commit.Sha,
        node_id = $"C_{commit.Sha}",
        url = $"{api}repos/{repo.FullName}/commits/{commit.Sha}",
        html_url = $"https://github.com/{repo.FullName}/commit/{commit.Sha}",
        comments_url = $"{api}repos/{repo.FullName}/commits/{commit.Sha}/comments",
        commit = GitCommit(api, repo, commit),
        author = commit.Author is null ? null : User(commit.Author),
        committer = User("web-flow"),
        parents = commit.ParentSha is null ? [] : new[] { new { sha = commit.ParentSha, url = $"{api}repos/{repo.FullName}/commits/{commit.ParentSha}" } },
    };

    public static object Commit(string api, FakeRepository repo, FakeCommit commit) => new
    {
        sha = commit.Sha,
        node_id = $"C_{commit.Sha}",
        url = $"{api}repos/{repo.FullName}/commits/{commit.Sha}",
        html_url = $"https://github.com/{repo.FullName}/commit/{commit.Sha}",
        comments_url = $"{api}repos/{repo.FullName}/commits/{commit.Sha}/comments",
        commit = GitCommit(api, repo, commit),
        author = commit.Author is null ? null : User(commit.Author),
        committer = User("web-flow"),
        parents = commit.ParentSha is null ? [] : new[] { new { sha = commit.ParentSha, url = $"{api}repos/{repo.FullName}/commits/{commit.ParentSha}" } },
        stats = new { additions = commit.Files.Sum(f => f.Additions), deletions = commit.Files.Sum(f => f.Deletions), total = commit.Files.Sum(f => f.Additions + f.Deletions) },
        files = commit.Files.Select(f => FileChange(api, repo, commit.Sha, f)).ToList(),
    };

    // The git commit inside a commit object: author and committer as git records them (name, email, date), the tree, the message.
    private static object GitCommit(string api, FakeRepository repo, FakeCommit commit)
    {
        var person = new { name = commit.Author ?? "Someone", email = $"{commit.Author ?? "someone"}@users.noreply.github.com", date = Time(commit.Date) };
        return new
        {
            author = person,
            committer = new { name = "GitHub", email = "noreply@github.com", date = Time(commit.Date) },
            message = commit.Message,
            tree = new { sha = TreeSha(commit.Sha, ""), url = $"{api}repos/{repo.FullName}/git/trees/{TreeSha(commit.Sha, "")}" },
            url = $"{api}repos/{repo.FullName}/git/commits/{commit.Sha}",
            comment_count = 0,
        };
    }

    /// <summary>The sha of a folder's tree at a commit ("" is the root), stable for the same content address.</summary>
    public static string TreeSha(string commitSha, string folder) => Sha($"tree:{commitSha}:{folder}");

    private static long UserId(string login) => 1000 + (uint)StringComparer.OrdinalIgnoreCase.GetHashCode(login) % 1_000_000;
}
