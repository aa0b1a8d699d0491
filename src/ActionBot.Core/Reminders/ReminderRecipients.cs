using ActionBot.Core.Ports;

namespace ActionBot.Core.Reminders;

/// <summary>
/// Who is reminded of an item: each owner, by direct message when the owner's chat account is linked, else in the
/// repository's channel by login; an item with no owner reminds the author of its postmortem's pull request.
/// Links are looked up once per login per sweep.
/// </summary>
internal sealed class ReminderRecipients(IAccountLinks accounts, IChannelDirectory channels)
{
    private readonly Dictionary<string, string?> _chatUsers = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Each recipient with a grouping key: one message per key per sweep.</summary>
    public async Task<List<(string Key, ReminderRecipient Recipient)>> ForAsync(ReminderCandidate candidate, CancellationToken cancellationToken)
    {
        var item = candidate.Item;
        IEnumerable<string?> logins = item.Owners.Count > 0 ? item.Owners.Select(string? (o) => o) : [candidate.PostmortemAuthor];
        var recipients = new List<(string, ReminderRecipient)>();
        foreach (var login in logins.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            var chatUser = login is null ? null : await ChatUserAsync(login, cancellationToken).ConfigureAwait(false);
            var recipient = chatUser is not null
                ? new ReminderRecipient(chatUser, login, null)
                : new ReminderRecipient(null, login, channels.ChannelFor(item.Repository));
            var key = chatUser is not null ? $"dm:{chatUser}" : $"channel:{recipient.ChannelId ?? "-"}:{login?.ToLowerInvariant() ?? "-"}";
            recipients.Add((key, recipient));
        }

        return recipients;
    }

    private async Task<string?> ChatUserAsync(string login, CancellationToken cancellationToken)
    {
        if (!_chatUsers.TryGetValue(login, out var chatUser))
        {
            _chatUsers[login] = chatUser = await accounts.GetChatUserIdAsync(login, cancellationToken).ConfigureAwait(false);
        }

        return chatUser;
    }
}
