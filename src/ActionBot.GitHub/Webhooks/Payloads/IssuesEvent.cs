namespace ActionBot.GitHub.Webhooks.Payloads;

/// <summary>The parts of an <c>issues</c> delivery the bot reads.</summary>
public sealed record IssuesEvent(string Action, IssuePayload Issue, RepositoryPayload Repository);

public sealed record IssuePayload(
    int Number,
    string State,
    string Title,
    string? Body,
    string HtmlUrl,
    IReadOnlyList<LabelPayload> Labels,
    IReadOnlyList<UserPayload> Assignees,
    DateTimeOffset? ClosedAt,
    DateTimeOffset? UpdatedAt);

public sealed record LabelPayload(string Name);
