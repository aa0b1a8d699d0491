namespace ActionBot.Discord.Outbox;

/// <summary>
/// What an outbox row holds for Discord: where to send (a channel, or a user's DM channel, opened at send time) and
/// the rendered pages with the users they may ping. Stored as JSON, so that a restart sends exactly what was promised.
/// </summary>
public sealed record OutboxPayload(string? ChannelId, string? UserId, IReadOnlyList<string> Pages, IReadOnlyList<string> AllowedUsers)
{
    public string Destination => UserId is not null ? $"dm:{UserId}" : $"channel:{ChannelId}";
}
