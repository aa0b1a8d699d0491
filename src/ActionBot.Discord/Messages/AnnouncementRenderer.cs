using ActionBot.Core.Ports;
using ActionBot.Discord.Api;

namespace ActionBot.Discord.Messages;

/// <summary>A postmortem's new issues: its title and pull request, then one line per issue, owners pinged when linked.</summary>
public static class AnnouncementRenderer
{
    public static RenderedMessage Render(PostmortemAnnouncement announcement, IReadOnlyDictionary<string, string> mentions)
    {
        ArgumentNullException.ThrowIfNull(announcement);
        ArgumentNullException.ThrowIfNull(mentions);
        var postmortem = announcement.Postmortem;
        var source = postmortem.PullRequest is { } number && postmortem.PullRequestUrl is { } url
            ? $" ({DiscordMarkdown.Link($"PR #{number}", url)})"
            : "";
        var header = $"**New action items from postmortem {ItemLines.Postmortem(postmortem)}**{source}{ItemLines.TrackingIssue(postmortem)}";
        var lines = announcement.Items
            .Select(item => $"• {ItemLines.Issue(item)} {ItemLines.Title(item)} — {ItemLines.Owners(item.Owners, mentions)}")
            .ToList();
        var pinged = announcement.Items.SelectMany(i => i.Owners).Where(mentions.ContainsKey).Select(o => mentions[o]);
        return new RenderedMessage(MessageSplitter.Split(header, lines), AllowedMentions.OnlyUsers(pinged));
    }
}
