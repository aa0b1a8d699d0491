using ActionBot.Core.Ports;
using Microsoft.Extensions.Options;

namespace ActionBot.Discord;

/// <summary>
/// Who is who across Discord and GitHub: links made with <c>/postmortem link</c> first, then the configured map
/// <c>ActionBot:Discord:UserLinks:&lt;discord user id&gt; = login</c>.
/// </summary>
public sealed class DiscordAccountDirectory(IAccountLinks links, IOptions<DiscordOptions> options)
{
    private readonly DiscordOptions _options = options.Value;

    public async Task<string?> GitHubLoginOfAsync(string userId, CancellationToken cancellationToken) =>
        await links.GetGitHubLoginAsync(userId, cancellationToken).ConfigureAwait(false)
        ?? (_options.UserLinks.TryGetValue(userId, out var login) ? login : null);

    public async Task<string?> UserIdOfAsync(string login, CancellationToken cancellationToken) =>
        await links.GetChatUserIdAsync(login, cancellationToken).ConfigureAwait(false)
        ?? _options.UserLinks.FirstOrDefault(pair => string.Equals(pair.Value, login, StringComparison.OrdinalIgnoreCase)).Key;

    /// <summary>The Discord user ids of those <paramref name="logins"/> that are linked (login → id, case-insensitive).</summary>
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
