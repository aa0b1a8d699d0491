using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ActionBot.Core.Ports;

namespace ActionBot.Core.Tracking;

/// <summary>
/// Writes a postmortem's tracking issue: titled after the postmortem, linking the file and the pull request. Its open
/// work is its sub-issues (GitHub counts them); the body lists what has no sub-issue to show: items done when the
/// postmortem was merged, and items removed from it since (their issues stay open until people close them).
/// </summary>
public static class TrackingIssueWriter
{
    private const string TitlePrefix = "Postmortem: ";
    private const int MaxTitleLength = 120;

    public static IssueDraft Draft(TrackedPostmortem postmortem, IReadOnlyList<TrackedItem> items)
    {
        ArgumentNullException.ThrowIfNull(postmortem);
        ArgumentNullException.ThrowIfNull(items);
        return new IssueDraft(Title(postmortem), Body(postmortem, items), [IssueWriter.PostmortemLabel], []);
    }

    /// <summary>Tells two drafts apart without keeping them: the tracking issue is edited when its draft's hash changes.</summary>
    public static string Hash(IssueDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(draft.Title + "\n" + draft.Body)), 0, 12);
    }

    public static string Title(TrackedPostmortem postmortem)
    {
        ArgumentNullException.ThrowIfNull(postmortem);
        var name = string.IsNullOrWhiteSpace(postmortem.Title) ? Path.GetFileNameWithoutExtension(postmortem.Path) : postmortem.Title.Trim();
        var title = name.StartsWith("postmortem", StringComparison.OrdinalIgnoreCase) ? name : TitlePrefix + name;
        if (title.Length <= MaxTitleLength)
        {
            return title;
        }

        var cut = title.LastIndexOf(' ', MaxTitleLength - 1);
        return title[..(cut > 0 ? cut : MaxTitleLength - 1)] + "…";
    }

    public static string Body(TrackedPostmortem postmortem, IReadOnlyList<TrackedItem> items)
    {
        ArgumentNullException.ThrowIfNull(postmortem);
        ArgumentNullException.ThrowIfNull(items);
        var body = new StringBuilder();
        var source = postmortem.FileUrl is { } url ? $"[`{postmortem.Path}`]({url})" : $"`{postmortem.Path}`";
        body.AppendLine(CultureInfo.InvariantCulture, $"Follow-up of the postmortem **{IssueWriter.NoMentions(postmortem.Title ?? postmortem.Path)}** ({source}).");
        if (postmortem.PullRequestUrl is { } pr)
        {
            body.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"- **Merged in:** {pr}");
        }
        else
        {
            body.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"- **Read at:** commit `{postmortem.CommitSha[..Math.Min(7, postmortem.CommitSha.Length)]}`");
        }

        body.AppendLine().AppendLine("Its action items are the sub-issues of this issue, so GitHub shows how many are done. ActionBot closes this issue when all of them are closed and reopens it if one reopens.");
        List("Done when the postmortem was merged (no issue)", items.Where(i => !i.Removed && i.IssueNumber is null && i.State == ItemState.Closed), body, removed: false);
        List("Removed from the postmortem since (their issues stay open until someone closes them)", items.Where(i => i.Removed && i.IssueNumber is not null), body, removed: true);
        body.AppendLine().AppendLine("_Opened by ActionBot from the postmortem._");
        return body.AppendLine(IssueMarker.ForPostmortem(IssueMarker.PostmortemKeyFor(postmortem.Repository, postmortem.Path))).ToString();
    }

    private static void List(string heading, IEnumerable<TrackedItem> items, StringBuilder body, bool removed)
    {
        var lines = items.OrderBy(i => i.Line).ToList();
        if (lines.Count == 0)
        {
            return;
        }

        body.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"**{heading}:**").AppendLine();
        foreach (var item in lines)
        {
            var title = IssueWriter.NoMentions(IssueWriter.Title(item)).Replace("~", "\\~", StringComparison.Ordinal);
            body.AppendLine(removed ? $"- ~~{title}~~ (#{item.IssueNumber})" : $"- {title}");
        }
    }
}
