namespace ActionBot.Core.Ports;

/// <summary>A chat channel and the repositories whose announcements, channel reminders and digest it receives.</summary>
public sealed record ChannelScope(string ChannelId, IReadOnlyList<string> Repositories);

/// <summary>
/// Which channel speaks for a repository: <c>GitHub:Repositories:N:DiscordChannelId</c>, else
/// <c>Discord:DefaultChannelId</c>, else none.
/// </summary>
public interface IChannelDirectory
{
    string? ChannelFor(string repository);

    /// <summary>Every channel that gets a digest, with the repositories it covers.</summary>
    IReadOnlyList<ChannelScope> Channels { get; }
}
