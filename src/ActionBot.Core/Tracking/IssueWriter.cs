using System.Globalization;
using System.Text;
using ActionBot.Core.Extraction;
using ActionBot.Core.Ports;

namespace ActionBot.Core.Tracking;

/// <summary>Writes the GitHub issue of an item: a title that reads well in a list, and a body with everything needed.</summary>
public static class IssueWriter
{
    public const string ActionItemLabel = "action-item";
    public const string PostmortemLabel = "postmortem";
    private const int MaxTitleLength = 120;

    // Only owners that can be GitHub logins are assigned; the others are still named in the body.
    public static IssueDraft Draft(TrackedItem item, TrackedPostmortem postmortem) =>
        new(Title(item), Body(item, postmortem), Labels(item), item.Owners.Where(GitHubLogin.IsValid).ToList());

    public static IReadOnlyList<string> Labels(TrackedItem item)
    {
        var labels = new List<string> { ActionItemLabel, PostmortemLabel };
        if (item.Kind is { } kind)
        {
            labels.Add(kind == ActionItemKind.Corrective ? "corrective" : "preventative");
        }

        if (item.Priority is { Length: > 0 } priority)
        {
            labels.Add($"priority: {priority}");
        }

        return labels;
    }

    // An issue list shows titles only: no trailing colon or period, and long ones end in an ellipsis on a word boundary.
    public static string Title(TrackedItem item)
    {
        var title = item.Title.TrimEnd(':', '.', ' ');
        if (title.Length <= MaxTitleLength)
        {
            return title.Length > 0 ? title : item.Section;
        }

        var cut = title.LastIndexOf(' ', MaxTitleLength - 1);
        return title[..(cut > 0 ? cut : MaxTitleLength - 1)] + "…";
    }

    public static string Body(TrackedItem item, TrackedPostmortem postmortem)
    {
        var body = new StringBuilder();
        body.AppendLine(Quote(NoMentions(item.Text))).AppendLine();
        var source = postmortem.FileUrl is { } url ? $"[`{item.Path}`]({url}#L{item.Line})" : $"`{item.Path}`";
        body.AppendLine(CultureInfo.InvariantCulture, $"- **Postmortem:** {NoMentions(postmortem.Title ?? item.Path)} ({source})");
        if (postmortem.PullRequestUrl is { } pr)
        {
            body.AppendLine(CultureInfo.InvariantCulture, $"- **Merged in:** {pr}");
        }

        body.AppendLine(CultureInfo.InvariantCulture, $"- **Section:** {NoMentions(item.Section)}");
        body.AppendLine(CultureInfo.InvariantCulture, $"- **Owners:** {(item.Owners.Count == 0 ? "none named" : string.Join(", ", item.Owners.Select(Owner)))}");
        body.AppendLine(CultureInfo.InvariantCulture, $"- **Due:** {item.Due?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "not given"}");
        if (item.Priority is not null)
        {
            body.AppendLine(CultureInfo.InvariantCulture, $"- **Priority:** {item.Priority}");
        }

        body.AppendLine().AppendLine("_Opened by ActionBot from the postmortem. Close this issue when the task is done._");
        return body.AppendLine(item.Marker).ToString();
    }

    // Owners are named, not mentioned: "Owner: Priya" may not be the GitHub user priya. Assignment notifies the real ones.
    private static string Owner(string owner) => $"`{owner.Replace("`", "'", StringComparison.Ordinal)}`";

    /// <summary>No @word in postmortem text may ping anyone on GitHub: a word joiner after @ breaks the mention, not the reading.</summary>
    public static string NoMentions(string text) => text.Replace("@", "@\u2060", StringComparison.Ordinal);

    private static string Quote(string text) => "> " + text.Replace("\n", "\n> ", StringComparison.Ordinal);
}
