namespace ActionBot.Core.Reminders;

/// <summary>Builds the weekly digest of a channel as of <c>now</c> (the scheduled job and <c>/postmortem digest</c> share it).</summary>
public interface IDigestComposer
{
    Task<WeeklyDigest> ComposeAsync(string? channelId, DateTimeOffset now, CancellationToken cancellationToken);
}
