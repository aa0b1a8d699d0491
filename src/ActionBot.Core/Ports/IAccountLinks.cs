namespace ActionBot.Core.Ports;

/// <summary>Which GitHub login a chat user is (set by <c>/postmortem link</c>). Logins compare case-insensitively.</summary>
public interface IAccountLinks
{
    /// <summary>Links a chat user to a login, replacing any earlier link of that user.</summary>
    Task LinkAsync(string chatUserId, string gitHubLogin, DateTimeOffset at, CancellationToken cancellationToken);

    Task<string?> GetGitHubLoginAsync(string chatUserId, CancellationToken cancellationToken);

    Task<string?> GetChatUserIdAsync(string gitHubLogin, CancellationToken cancellationToken);
}
