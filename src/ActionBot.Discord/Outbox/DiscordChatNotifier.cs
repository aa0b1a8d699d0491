using System.Text.Json;
using ActionBot.Core.Identity;
using ActionBot.Core.Observability;
using ActionBot.Core.Ports;
using ActionBot.Core.Reminders;
using ActionBot.Discord.Api;
using ActionBot.Discord.Messages;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ActionBot.Discord.Outbox;

/// <summary>
/// The chat port on Discord: renders each message and stores it in the <see cref="IChatOutbox"/> under its key
/// (the same key twice is one message); <see cref="DiscordOutboxSender"/> sends it when Discord answers. The commands
/// post through it too (<see cref="PostToChannelAsync"/>, <see cref="DirectMessageAsync"/>), so that what they promise
/// is sent once, across restarts.
/// </summary>
public sealed partial class DiscordChatNotifier(
    IChatOutbox outbox,
    AccountDirectory accounts,
    OutboxSignal signal,
    IOptions<DiscordOptions> options,
    TimeProvider time,
    ILogger<DiscordChatNotifier> logger) : IChatNotifier
{
    public async Task AnnounceAsync(PostmortemAnnouncement announcement, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(announcement);
        var mentions = await accounts.UserIdsOfAsync(announcement.Items.SelectMany(i => i.Owners), cancellationToken).ConfigureAwait(false);
        await ToChannelAsync(announcement.Key, announcement.ChannelId, AnnouncementRenderer.Render(announcement, mentions), cancellationToken).ConfigureAwait(false);
    }

    public async Task RemindAsync(ReminderMessage reminder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reminder);
        var recipient = reminder.Recipient;
        var userId = recipient.ChatUserId;
        if (userId is null && recipient.GitHubLogin is { } login)
        {
            userId = await accounts.UserIdOfAsync(login, cancellationToken).ConfigureAwait(false);
        }

        if (userId is not null)
        {
            var message = ReminderRenderer.Render(reminder, direct: true);
            await EnqueueAsync(reminder.Key, new OutboxPayload(null, userId, message.Pages, message.Mentions.Users), cancellationToken).ConfigureAwait(false);
            return;
        }

        await ToChannelAsync(reminder.Key, recipient.ChannelId, ReminderRenderer.Render(reminder, direct: false), cancellationToken).ConfigureAwait(false);
    }

    public async Task EscalateAsync(EscalationMessage escalation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(escalation);
        var mentions = await accounts.UserIdsOfAsync(escalation.Item.Item.Owners, cancellationToken).ConfigureAwait(false);
        await ToChannelAsync(escalation.Key, escalation.ChannelId, ReminderRenderer.RenderEscalation(escalation, mentions), cancellationToken).ConfigureAwait(false);
    }

    public Task PostDigestAsync(WeeklyDigest digest, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(digest);
        return ToChannelAsync(digest.Key, digest.ChannelId, DigestRenderer.Render(digest), cancellationToken);
    }

    /// <summary>Stores a message for <paramref name="channelId"/> (the default channel when null) under <paramref name="key"/>.</summary>
    public Task PostToChannelAsync(string key, string? channelId, RenderedMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        return ToChannelAsync(key, channelId, message, cancellationToken);
    }

    /// <summary>Stores a direct message to <paramref name="userId"/> under <paramref name="key"/>.</summary>
    public Task DirectMessageAsync(string key, string userId, RenderedMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        return EnqueueAsync(key, new OutboxPayload(null, userId, message.Pages, message.Mentions.Users), cancellationToken);
    }

    private Task ToChannelAsync(string key, string? channelId, RenderedMessage message, CancellationToken cancellationToken)
    {
        var channel = string.IsNullOrEmpty(channelId) ? options.Value.DefaultChannelId : channelId;
        if (string.IsNullOrEmpty(channel))
        {
            var loggedKey = LogText.Sanitize(key)!;
            Log.NoChannel(logger, loggedKey);
            return Task.CompletedTask;
        }

        return EnqueueAsync(key, new OutboxPayload(channel, null, message.Pages, message.Mentions.Users), cancellationToken);
    }

    private async Task EnqueueAsync(string key, OutboxPayload payload, CancellationToken cancellationToken)
    {
        var json = JsonSerializer.Serialize(payload, DiscordJsonContext.Default.OutboxPayload);
        var stored = await outbox.TryEnqueueAsync(new OutgoingMessage(key, payload.Destination, json, time.GetUtcNow()), cancellationToken).ConfigureAwait(false);

        // Keys carry postmortem paths, which are whatever their authors named them.
        var loggedKey = LogText.Sanitize(key)!;
        if (stored)
        {
            Log.Enqueued(logger, loggedKey, payload.Destination, payload.Pages.Count);
            signal.Pulse();
        }
        else
        {
            Log.AlreadyEnqueued(logger, loggedKey);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 4300, Level = LogLevel.Information, Message = "Discord message {Key} to {Destination} ({Pages} page(s)) stored for sending")]
        public static partial void Enqueued(ILogger logger, string key, string destination, int pages);

        [LoggerMessage(EventId = 4301, Level = LogLevel.Debug, Message = "Discord message {Key} was already stored; not sent twice")]
        public static partial void AlreadyEnqueued(ILogger logger, string key);

        [LoggerMessage(EventId = 4302, Level = LogLevel.Warning, Message = "Discord message {Key} has no channel (set the repository's DiscordChannelId or ActionBot:Discord:DefaultChannelId); skipped")]
        public static partial void NoChannel(ILogger logger, string key);
    }
}
