namespace ActionBot.GitHub.Api;

// The shapes of GitHub's REST answers, reduced to the fields the bot reads (snake_case on the wire).

public sealed record GitHubUser(long Id, string Login);

public sealed record GitHubRepository(long Id, string Name, string FullName, string DefaultBranch, bool Private, string? HtmlUrl);

public sealed record GitHubLabel(long Id, string Name, string? Color, string? Description);

/// <summary>One changed file of a pull request, a commit or a comparison.</summary>
public sealed record GitHubFileChange(
    string Filename,
    string Status,
    string? Sha,
    int Additions,
    int Deletions,
    int Changes,
    string? PreviousFilename,
    string? BlobUrl,
    string? RawUrl);

public sealed record GitHubCommitRef(string Sha);

public sealed record GitHubCommit(string Sha, IReadOnlyList<GitHubCommitRef>? Parents, IReadOnlyList<GitHubFileChange>? Files);

public sealed record GitHubComparison(
    string Status,
    int AheadBy,
    int BehindBy,
    int TotalCommits,
    IReadOnlyList<GitHubCommitRef>? Commits,
    IReadOnlyList<GitHubFileChange>? Files);

/// <summary>Present on items of the issues list that are pull requests.</summary>
public sealed record GitHubPullRequestLink(string? Url, string? HtmlUrl);

public sealed record GitHubIssue(
    long Id,
    int Number,
    string Title,
    string? Body,
    string State,
    string? StateReason,
    string HtmlUrl,
    IReadOnlyList<GitHubLabel> Labels,
    IReadOnlyList<GitHubUser> Assignees,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? ClosedAt,
    GitHubPullRequestLink? PullRequest)
{
    public bool IsPullRequest => PullRequest is not null;
}

public sealed record GitHubIssueComment(long Id, string Body, string HtmlUrl, DateTimeOffset CreatedAt);

/// <summary>One entry of a 422's <c>errors</c> array.</summary>
public sealed record GitHubValidationError(string? Resource, string? Field, string? Code, string? Message);

/// <summary>GitHub's error body: <c>message</c>, <c>documentation_url</c> and, on 422, <c>errors</c>.</summary>
internal sealed record GitHubErrorBody(string? Message, string? DocumentationUrl, IReadOnlyList<GitHubValidationError>? Errors);

internal sealed record GitHubInstallationToken(string Token, DateTimeOffset ExpiresAt);

internal sealed record GitHubAppJwtHeader(string Alg, string Typ);

internal sealed record GitHubAppJwtClaims(long Iat, long Exp, string Iss);

// Requests. Null members are left out of the JSON, so an update changes only what it sets.

public sealed record NewIssue(string Title, string? Body = null, IReadOnlyList<string>? Labels = null, IReadOnlyList<string>? Assignees = null);

public sealed record IssueUpdate(
    string? Title = null,
    string? Body = null,
    string? State = null,
    string? StateReason = null,
    IReadOnlyList<string>? Labels = null,
    IReadOnlyList<string>? Assignees = null);

public sealed record NewIssueComment(string Body);

/// <summary>A label to create; <paramref name="Color"/> is six hex digits without '#'.</summary>
public sealed record NewLabel(string Name, string? Color = null, string? Description = null);

/// <summary>Filter of the issues list: <c>state</c> is open, closed or all; <c>since</c> compares with updated_at.</summary>
public sealed record GitHubIssueQuery(string State = "all", IReadOnlyList<string>? Labels = null, DateTimeOffset? Since = null);

/// <summary>The default (JSON) answer of the contents API: the file base64-encoded in <c>content</c>.</summary>
internal sealed record GitHubContentFile(string? Type, string? Encoding, string? Content);
