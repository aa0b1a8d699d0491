namespace ActionBot.GitHub.Webhooks.Payloads;

/// <summary>The parts of a <c>pull_request</c> delivery the bot reads.</summary>
public sealed record PullRequestEvent(
    string Action,
    int Number,
    PullRequestPayload PullRequest,
    RepositoryPayload Repository,
    InstallationPayload? Installation = null);

public sealed record PullRequestPayload(
    int Number,
    bool Merged,
    DateTimeOffset? MergedAt,
    string? MergeCommitSha,
    string Title,
    string HtmlUrl,
    UserPayload User,
    PullRequestBase Base,
    PullRequestHead Head);

public sealed record PullRequestBase(string Ref, RepositoryPayload Repo);

public sealed record PullRequestHead(string Sha);
