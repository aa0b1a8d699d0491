using ActionBot.Core.Ports;

namespace ActionBot.Scheduling;

/// <summary>Account links until a chat stores them: nobody is linked, so reminders go to channels by login.</summary>
internal sealed class NoAccountLinks : IAccountLinks
{
    public Task<bool> TryLinkAsync(string chatUserId, string gitHubLogin, DateTimeOffset at, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("Accounts can be linked only when a chat is configured.");

    public Task<string?> GetGitHubLoginAsync(string chatUserId, CancellationToken cancellationToken) => Task.FromResult<string?>(null);

    public Task<string?> GetChatUserIdAsync(string gitHubLogin, CancellationToken cancellationToken) => Task.FromResult<string?>(null);
}
