namespace ActionBot.Core.Ports;

/// <summary>
/// Which GitHub login a chat user is, as GitHub confirmed it (<c>/postmortem link</c>, through GitHub's device flow).
/// One chat user per login: a login confirmed for one person is never taken over by someone else's claim. Logins
/// compare case-insensitively. Claims still waiting for GitHub are elsewhere (<see cref="IAccountLinkRequests"/>) and
/// grant nothing.
/// </summary>
public interface IAccountLinks
{
    /// <summary>
    /// Records a link GitHub confirmed, replacing the user's earlier one; false, and nothing changes, when another chat
    /// user holds the login.
    /// </summary>
    Task<bool> TryLinkAsync(string chatUserId, string gitHubLogin, DateTimeOffset at, CancellationToken cancellationToken);

    Task<string?> GetGitHubLoginAsync(string chatUserId, CancellationToken cancellationToken);

    Task<string?> GetChatUserIdAsync(string gitHubLogin, CancellationToken cancellationToken);
}
