using ActionBot.Core.Ports;

namespace ActionBot.Core.Identity;

/// <summary>
/// Who is who across chat and GitHub, counting only confirmed links: the admin's (<see cref="ConfiguredAccountLinks"/>)
/// first, then those GitHub confirmed (<see cref="IAccountLinks"/>). Claims still waiting for GitHub are not here.
/// </summary>
public sealed class AccountDirectory(IAccountLinks links, ConfiguredAccountLinks configured)
{
    public async Task<string?> GitHubLoginOfAsync(string chatUserId, CancellationToken cancellationToken) =>
        configured.LoginOf(chatUserId) ?? await links.GetGitHubLoginAsync(chatUserId, cancellationToken).ConfigureAwait(false);

    public async Task<string?> UserIdOfAsync(string gitHubLogin, CancellationToken cancellationToken) =>
        configured.UserOf(gitHubLogin) ?? await links.GetChatUserIdAsync(gitHubLogin, cancellationToken).ConfigureAwait(false);

    /// <summary>The chat user ids of those <paramref name="logins"/> that are linked (login → id, case-insensitive).</summary>
    public async Task<IReadOnlyDictionary<string, string>> UserIdsOfAsync(IEnumerable<string> logins, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(logins);
        var ids = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var login in logins.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            if (await UserIdOfAsync(login, cancellationToken).ConfigureAwait(false) is { } id)
            {
                ids[login] = id;
            }
        }

        return ids;
    }
}
