namespace ActionBot.Core.Ports;

/// <summary>What GitHub handed out when a device flow started: the code a person enters, where, and for how long.</summary>
/// <param name="DeviceCode">What the bot polls with; never shown and never logged.</param>
/// <param name="UserCode">What the person types at <paramref name="VerificationUri"/> (<c>WDJB-MJHT</c>).</param>
public sealed record DeviceAuthorization(string DeviceCode, string UserCode, Uri VerificationUri, TimeSpan ExpiresIn, TimeSpan Interval);

/// <summary>How starting a device flow went: an authorization, or why there is none.</summary>
/// <param name="Transient">True when trying again later may work (GitHub unreachable); false when GitHub refused (configuration).</param>
public sealed record DeviceFlowStart(DeviceAuthorization? Authorization, string? Problem = null, bool Transient = false);

public enum DevicePollStatus
{
    /// <summary>The person has not finished at GitHub yet (<c>authorization_pending</c>).</summary>
    Pending,

    /// <summary>Polled too often (<c>slow_down</c>): wait <see cref="DevicePoll.Interval"/> between polls from now on.</summary>
    SlowDown,

    /// <summary>The person signed in and authorized: <see cref="DevicePoll.Login"/> is who GitHub says they are.</summary>
    SignedIn,

    /// <summary>The code expired before the person finished (<c>expired_token</c>).</summary>
    Expired,

    /// <summary>The person cancelled at GitHub (<c>access_denied</c>).</summary>
    Denied,

    /// <summary>GitHub could not be asked this time (network, 5xx): poll again at the next interval.</summary>
    Unavailable,

    /// <summary>GitHub refused the poll for good (device flow disabled, wrong client id, unknown code): <see cref="DevicePoll.Problem"/>.</summary>
    Refused,
}

/// <summary>One poll's answer. Never the person's token: the adapter asks GitHub who signed in and then drops it.</summary>
public sealed record DevicePoll(DevicePollStatus Status)
{
    public string? Login { get; init; }

    public TimeSpan? Interval { get; init; }

    /// <summary>GitHub's error code or the failure, for the log (no secret in it).</summary>
    public string? Problem { get; init; }
}

/// <summary>
/// GitHub's OAuth device flow, used only to learn who a person is on GitHub: start a flow, then poll it at the
/// interval GitHub gives until the person signed in, cancelled, or the code expired.
/// </summary>
public interface IGitHubDeviceFlow
{
    Task<DeviceFlowStart> StartAsync(CancellationToken cancellationToken);

    Task<DevicePoll> PollAsync(string deviceCode, CancellationToken cancellationToken);
}
