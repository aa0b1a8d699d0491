namespace ActionBot.GitHub.Webhooks.Payloads;

/// <summary>The parts of a <c>push</c> delivery the bot reads.</summary>
public sealed record PushEvent(
    string Ref,
    string Before,
    string After,
    RepositoryPayload Repository,
    IReadOnlyList<PushCommit> Commits,
    PushCommit? HeadCommit = null,
    PusherPayload? Pusher = null,
    UserPayload? Sender = null);

public sealed record PushCommit(
    string Id,
    IReadOnlyList<string> Added,
    IReadOnlyList<string> Modified,
    IReadOnlyList<string> Removed);

public sealed record PusherPayload(string Name);
