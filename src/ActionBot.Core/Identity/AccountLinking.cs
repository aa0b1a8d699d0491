using ActionBot.Core.Ports;

namespace ActionBot.Core.Identity;

/// <summary>
/// Linking a chat user to a GitHub login only once GitHub confirms it: a claim starts GitHub's device flow and waits,
/// durably, while the user signs in at GitHub; polls at the interval GitHub sets then decide it. The link counts only
/// when the login GitHub reports is the one claimed and no one else holds it. Without a device flow (no client id)
/// only an admin links people, in configuration.
/// </summary>
public sealed class AccountLinking(
    IAccountLinks links,
    IAccountLinkRequests requests,
    ConfiguredAccountLinks configured,
    TimeProvider time,
    IGitHubDeviceFlow? deviceFlow = null)
{
    /// <summary>GitHub's <c>slow_down</c> adds this to the interval when its answer does not say the new one.</summary>
    public static readonly TimeSpan SlowDownStep = TimeSpan.FromSeconds(5);

    private readonly AccountDirectory _directory = new(links, configured);

    /// <summary>Whether a claim can be confirmed at all (a GitHub client id with the device flow is configured).</summary>
    public bool CanVerify => deviceFlow is not null;

    /// <summary>Handles <paramref name="chatUserId"/>'s claim to be <paramref name="login"/> on GitHub.</summary>
    public async Task<LinkStart> RequestAsync(string chatUserId, string login, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(chatUserId);
        ArgumentException.ThrowIfNullOrWhiteSpace(login);
        if (configured.LoginOf(chatUserId) is { } set)
        {
            var status = Same(set, login) ? LinkStartStatus.AlreadyLinked : LinkStartStatus.SetByAdmin;
            return new LinkStart(status, login) { CurrentLogin = set };
        }

        if (await _directory.UserIdOfAsync(login, cancellationToken).ConfigureAwait(false) is { } holder && holder != chatUserId)
        {
            return new LinkStart(LinkStartStatus.TakenByAnother, login);
        }

        if (await links.GetGitHubLoginAsync(chatUserId, cancellationToken).ConfigureAwait(false) is { } current && Same(current, login))
        {
            return new LinkStart(LinkStartStatus.AlreadyLinked, login) { CurrentLogin = current };
        }

        if (deviceFlow is null)
        {
            return new LinkStart(LinkStartStatus.NotConfigured, login);
        }

        var now = time.GetUtcNow();
        if (await requests.GetAsync(chatUserId, cancellationToken).ConfigureAwait(false) is { } waiting && Same(waiting.GitHubLogin, login) && now < waiting.ExpiresAt)
        {
            return new LinkStart(LinkStartStatus.Started, login) { Request = waiting }; // the same code again, not a second flow
        }

        var start = await deviceFlow.StartAsync(cancellationToken).ConfigureAwait(false);
        if (start.Authorization is not { } authorization)
        {
            return new LinkStart(LinkStartStatus.Unavailable, login) { Problem = start.Problem, Transient = start.Transient };
        }

        var request = new AccountLinkRequest(
            chatUserId, login, authorization.DeviceCode, authorization.UserCode, authorization.VerificationUri,
            authorization.Interval, now + authorization.Interval, now + authorization.ExpiresIn, now);
        await requests.SaveAsync(request, cancellationToken).ConfigureAwait(false);
        return new LinkStart(LinkStartStatus.Started, login) { Request = request };
    }

    /// <summary>The user's claim still waiting for GitHub, if any (it grants nothing; commands mention it).</summary>
    public async Task<AccountLinkRequest?> WaitingClaimAsync(string chatUserId, CancellationToken cancellationToken) =>
        await requests.GetAsync(chatUserId, cancellationToken).ConfigureAwait(false) is { } request && time.GetUtcNow() < request.ExpiresAt ? request : null;

    /// <summary>When the next poll falls due (null: nothing waits).</summary>
    public Task<DateTimeOffset?> NextPollAtAsync(CancellationToken cancellationToken) => requests.NextPollAtAsync(cancellationToken);

    /// <summary>
    /// Polls the claim that is due soonest, if any: null when none is due; a poll without an outcome when the claim
    /// still waits (rescheduled); else how it ended, which the caller tells the user before <see cref="FinishAsync"/>
    /// removes the claim, so that a crash in between tells them again (under the same message key) rather than never.
    /// </summary>
    public async Task<LinkPoll?> PollNextAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (deviceFlow is null || await requests.ClaimDueAsync(now, cancellationToken).ConfigureAwait(false) is not { } request)
        {
            return null;
        }

        if (now >= request.ExpiresAt)
        {
            return new LinkPoll(request, await EndedAsync(request, LinkOutcomeStatus.Expired, null, cancellationToken).ConfigureAwait(false));
        }

        var poll = await deviceFlow.PollAsync(request.DeviceCode, cancellationToken).ConfigureAwait(false);
        switch (poll.Status)
        {
            case DevicePollStatus.Pending or DevicePollStatus.Unavailable:
                return new LinkPoll(request, null); // the claim already moved the next poll one interval on
            case DevicePollStatus.SlowDown:
                var interval = poll.Interval is { } given && given > request.Interval ? given : request.Interval + SlowDownStep;
                await requests.RescheduleAsync(request, interval, now + interval, cancellationToken).ConfigureAwait(false);
                return new LinkPoll(request, null);
            case DevicePollStatus.SignedIn:
                return new LinkPoll(request, await ConfirmAsync(request, poll.Login!, now, cancellationToken).ConfigureAwait(false));
            case DevicePollStatus.Expired:
                return new LinkPoll(request, await EndedAsync(request, LinkOutcomeStatus.Expired, null, cancellationToken).ConfigureAwait(false));
            case DevicePollStatus.Denied:
                return new LinkPoll(request, await EndedAsync(request, LinkOutcomeStatus.Denied, null, cancellationToken).ConfigureAwait(false));
            default:
                return new LinkPoll(request, await EndedAsync(request, LinkOutcomeStatus.Failed, poll.Problem, cancellationToken).ConfigureAwait(false));
        }
    }

    /// <summary>Removes a claim whose outcome the user has been told.</summary>
    public Task FinishAsync(AccountLinkRequest request, CancellationToken cancellationToken) => requests.RemoveAsync(request, cancellationToken);

    private async Task<LinkOutcome> ConfirmAsync(AccountLinkRequest request, string signedInAs, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!Same(signedInAs, request.GitHubLogin))
        {
            return new LinkOutcome(request, LinkOutcomeStatus.WrongAccount, signedInAs);
        }

        // GitHub's spelling of the login is kept; an admin's link of the login to someone else wins.
        var admins = configured.UserOf(signedInAs);
        var linked = (admins is null || admins == request.ChatUserId)
            && await links.TryLinkAsync(request.ChatUserId, signedInAs, now, cancellationToken).ConfigureAwait(false);
        return new LinkOutcome(request, linked ? LinkOutcomeStatus.Linked : LinkOutcomeStatus.TakenByAnother, signedInAs);
    }

    // A claim that ends without a sign-in after the user is already linked to its login was confirmed before a crash
    // (GitHub hands a device code's token out once): it ended linked, and the user is told so again, once.
    private async Task<LinkOutcome> EndedAsync(AccountLinkRequest request, LinkOutcomeStatus status, string? problem, CancellationToken cancellationToken)
    {
        var current = await links.GetGitHubLoginAsync(request.ChatUserId, cancellationToken).ConfigureAwait(false);
        return current is not null && Same(current, request.GitHubLogin)
            ? new LinkOutcome(request, LinkOutcomeStatus.Linked, current)
            : new LinkOutcome(request, status, Problem: problem);
    }

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
