namespace ActionBot.Core.Identity;

public enum LinkStartStatus
{
    /// <summary>A device flow started (or the user's earlier one for the same login still runs): show its code.</summary>
    Started,

    /// <summary>The user is already linked to that login (confirmed, or set by an admin).</summary>
    AlreadyLinked,

    /// <summary>Another chat user holds that login; it is not taken over.</summary>
    TakenByAnother,

    /// <summary>An admin linked this user to another login in configuration; only an admin changes it.</summary>
    SetByAdmin,

    /// <summary>No GitHub client id is configured: only an admin can link (configuration).</summary>
    NotConfigured,

    /// <summary>GitHub could not start a device flow (<see cref="LinkStart.Problem"/>).</summary>
    Unavailable,
}

/// <summary>The answer to a claim: what the user is told at once.</summary>
public sealed record LinkStart(LinkStartStatus Status, string Login)
{
    /// <summary>The claim waiting for GitHub (<see cref="LinkStartStatus.Started"/>): its code, page and expiry.</summary>
    public AccountLinkRequest? Request { get; init; }

    /// <summary>The login already held (<see cref="LinkStartStatus.AlreadyLinked"/>, <see cref="LinkStartStatus.SetByAdmin"/>).</summary>
    public string? CurrentLogin { get; init; }

    /// <summary>Why GitHub could not start (<see cref="LinkStartStatus.Unavailable"/>), for the log.</summary>
    public string? Problem { get; init; }

    /// <summary>True when trying again later may work.</summary>
    public bool Transient { get; init; }
}

public enum LinkOutcomeStatus
{
    /// <summary>GitHub confirmed the claimed login: the link now counts.</summary>
    Linked,

    /// <summary>Someone signed in to GitHub as another login than the one claimed: nothing linked.</summary>
    WrongAccount,

    /// <summary>GitHub confirmed the login, but another chat user holds it: nothing linked.</summary>
    TakenByAnother,

    /// <summary>The code ran out before anyone signed in.</summary>
    Expired,

    /// <summary>The person cancelled at GitHub.</summary>
    Denied,

    /// <summary>GitHub refused the flow (<see cref="LinkOutcome.Problem"/>): a configuration matter for an admin.</summary>
    Failed,
}

/// <summary>How a claim ended; the claim is removed once the user has been told.</summary>
/// <param name="SignedInAs">Who GitHub said signed in (<see cref="LinkOutcomeStatus.Linked"/>, <see cref="LinkOutcomeStatus.WrongAccount"/>, <see cref="LinkOutcomeStatus.TakenByAnother"/>).</param>
public sealed record LinkOutcome(AccountLinkRequest Request, LinkOutcomeStatus Status, string? SignedInAs = null, string? Problem = null);

/// <summary>One poll of a waiting claim: its outcome when it ended, null while it still waits.</summary>
public sealed record LinkPoll(AccountLinkRequest Request, LinkOutcome? Outcome);
