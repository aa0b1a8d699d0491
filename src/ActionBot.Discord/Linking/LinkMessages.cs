using System.Globalization;
using ActionBot.Core.Identity;
using ActionBot.Discord.Api;
using ActionBot.Discord.Messages;

namespace ActionBot.Discord.Linking;

/// <summary>What the bot tells someone about linking their GitHub login: at once (privately) and when GitHub decided.</summary>
public static class LinkMessages
{
    public static string Start(LinkStart start, string callerId)
    {
        ArgumentNullException.ThrowIfNull(start);
        var login = Bold(start.Login);
        return start.Status switch
        {
            LinkStartStatus.Started when start.Request is { } request => Code(request),
            LinkStartStatus.AlreadyLinked => $"You are already linked to {Bold(start.CurrentLogin ?? start.Login)} on GitHub.",
            LinkStartStatus.SetByAdmin => $"An admin has linked you to {Bold(start.CurrentLogin)} in the bot's configuration: only an admin can change that.",
            LinkStartStatus.TakenByAnother => $"Sorry, {login} is already linked to another Discord account, so I can't link it to yours. If it is yours, please ask an admin to look into it.",
            LinkStartStatus.NotConfigured =>
                $"Links are confirmed by GitHub, and this bot is not set up for that (no `ActionBot:GitHub:ClientId`). Please ask an admin to link you in the configuration: "
                + $"`ActionBot__Discord__UserLinks__{callerId}={start.Login}` (or `\"UserLinks\": {{ \"{callerId}\": \"{start.Login}\" }}` under `ActionBot:Discord`).",
            LinkStartStatus.Unavailable when start.Transient => "GitHub did not answer just now, so I could not start the sign-in. Please try `/postmortem link` again in a minute.",
            _ => "GitHub refused to start the sign-in, so nothing was linked. An admin can see why in the bot's log.",
        };
    }

    /// <summary>The code to enter at GitHub, for a claim still waiting (also shown by commands that need a link).</summary>
    public static string Code(AccountLinkRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var page = DiscordMarkdown.Link(request.VerificationUri.Host + request.VerificationUri.AbsolutePath.TrimEnd('/'), request.VerificationUri.AbsoluteUri);
        var until = request.ExpiresAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return $"To confirm that you are {Bold(request.GitHubLogin)} on GitHub, open {page}, sign in as {Bold(request.GitHubLogin)} and enter the code "
            + $"{Bold(request.UserCode)} before <t:{until}:t>. I'll send you a direct message when GitHub confirms it; until then the link counts for nothing. "
            + "Never enter a code someone else gave you.";
    }

    public static RenderedMessage Outcome(LinkOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var claimed = Bold(outcome.Request.GitHubLogin);
        var signedIn = Bold(outcome.SignedInAs);
        var text = outcome.Status switch
        {
            LinkOutcomeStatus.Linked => $"GitHub confirmed it: you are {signedIn} on GitHub. `/postmortem mine` lists your open items, and reminders of your items now come to you here.",
            LinkOutcomeStatus.WrongAccount => $"GitHub says the account that signed in is {signedIn}, not {claimed}, so nothing was linked. "
                + $"If you are {signedIn}, run `/postmortem link github:{outcome.SignedInAs}`; to link {claimed}, sign in to GitHub as {claimed} first.",
            LinkOutcomeStatus.TakenByAnother => $"GitHub confirmed {signedIn}, but that login is already linked to another Discord account, so nothing changed. Please ask an admin if that is wrong.",
            LinkOutcomeStatus.Expired => $"The code for linking {claimed} expired before GitHub saw it entered; nothing was linked. Run `/postmortem link` again for a new code.",
            LinkOutcomeStatus.Denied => $"You cancelled at GitHub, so {claimed} was not linked.",
            _ => $"GitHub refused to confirm {claimed}, so nothing was linked. An admin can see why in the bot's log.",
        };
        return new RenderedMessage([text], AllowedMentions.None);
    }

    private static string Bold(string? text) => $"**{DiscordMarkdown.Excerpt(text, 100)}**";
}
