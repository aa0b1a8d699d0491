namespace ActionBot.GitHub.Webhooks.Payloads;

// The few fields of GitHub's shared objects the bot reads; everything else in a payload is skipped.

public sealed record RepositoryPayload(string FullName, string? DefaultBranch = null);

public sealed record UserPayload(string Login);

public sealed record InstallationPayload(long Id);
