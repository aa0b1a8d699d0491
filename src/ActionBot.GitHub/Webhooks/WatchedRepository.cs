namespace ActionBot.GitHub.Webhooks;

/// <summary>
/// A repository whose postmortems the bot reads: <paramref name="PostmortemPaths"/> are globs relative to
/// its root, and its action items become issues in <paramref name="IssueRepository"/> (may be itself).
/// </summary>
public sealed record WatchedRepository(string Name, IReadOnlyList<string> PostmortemPaths, string IssueRepository);
