namespace ActionBot.Core.Identity;

/// <summary>
/// A chat user's claim to be <see cref="GitHubLogin"/> on GitHub, waiting for GitHub to confirm it through the device
/// flow started at <see cref="RequestedAt"/>. Grants nothing until confirmed.
/// </summary>
/// <param name="DeviceCode">What the bot polls GitHub with (good only with the bot's client id, only until <paramref name="ExpiresAt"/>); never shown or logged.</param>
/// <param name="UserCode">The one-time code the user enters at <paramref name="VerificationUri"/>.</param>
public sealed record AccountLinkRequest(
    string ChatUserId,
    string GitHubLogin,
    string DeviceCode,
    string UserCode,
    Uri VerificationUri,
    TimeSpan Interval,
    DateTimeOffset NextPollAt,
    DateTimeOffset ExpiresAt,
    DateTimeOffset RequestedAt)
{
    /// <summary>The key of the message that tells the user how this claim ended: one message per claim.</summary>
    public string OutcomeKey => $"link:{ChatUserId}:{RequestedAt.ToUnixTimeMilliseconds()}";
}
