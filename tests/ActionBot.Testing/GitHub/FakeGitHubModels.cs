namespace ActionBot.Testing.GitHub;

/// <summary>One changed file of a pull request or commit, as a test seeds it.</summary>
public sealed record FakeFileChange(string Filename, string Status = "modified", int Additions = 1, int Deletions = 0, string? PreviousFilename = null);

public sealed record FakeLabel(long Id, string Name, string Color, string? Description);

public sealed record FakeComment(long Id, string Body, string User, DateTimeOffset CreatedAt);

/// <summary>An issue (or a pull request, which shares the issue numbers) as the fake holds it.</summary>
public sealed record FakeIssue(
    long Id,
    int Number,
    string Title,
    string? Body,
    string State,
    string? StateReason,
    IReadOnlyList<string> Labels,
    IReadOnlyList<string> Assignees,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? ClosedAt,
    IReadOnlyList<FakeComment> Comments,
    bool IsPullRequest);

/// <summary>A commit: its parent, message, changed files, and when and by whom (a GitHub login, or none GitHub knows) it was made.</summary>
public sealed record FakeCommit(string Sha, string? ParentSha, string Message, IReadOnlyList<FakeFileChange> Files, DateTimeOffset Date = default, string? Author = null);

/// <summary>A request the fake received, with the status it answered.</summary>
public sealed record FakeGitHubRequest(
    string Method,
    string Path,
    string Query,
    string Body,
    int StatusCode,
    IReadOnlyDictionary<string, string> Headers,
    FakeFault? Fault)
{
    public string PathAndQuery => Path + Query;

    public bool IsWrite => Method is not ("GET" or "HEAD");
}

/// <summary>Failures the fake answers instead of doing anything.</summary>
public enum FakeFault
{
    InternalServerError,
    BadGateway,

    /// <summary>403 with a secondary-rate-limit message and <c>retry-after</c>.</summary>
    SecondaryRateLimit,

    /// <summary>429 with <c>retry-after</c>.</summary>
    TooManyRequests,
}

/// <summary>How a "create then fail" answers after the issue was stored.</summary>
public enum FakeAfterCreateFailure
{
    /// <summary>502, as GitHub's front end answers when the back end timed out.</summary>
    BadGateway,

    /// <summary>The connection is dropped without an answer.</summary>
    ConnectionReset,
}
