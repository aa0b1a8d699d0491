using System.Globalization;
using ActionBot.Core.Tracking;

namespace ActionBot.Discord.Messages;

/// <summary>How an item and its parts read in a message; every piece of untrusted text escaped.</summary>
public static class ItemLines
{
    /// <summary>The item's issue as a link, or a note that it has none yet.</summary>
    public static string Issue(TrackedItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return item.IssueNumber is { } number && item.IssueUrl is { } url
            ? DiscordMarkdown.Link(string.Create(CultureInfo.InvariantCulture, $"#{number}"), url)
            : "no issue yet";
    }

    /// <summary>
    /// The owners: a mention for those in <paramref name="mentions"/> (GitHub login → Discord user id, which the
    /// message must also allow), else the login as text.
    /// </summary>
    public static string Owners(IReadOnlyList<string> owners, IReadOnlyDictionary<string, string>? mentions = null)
    {
        ArgumentNullException.ThrowIfNull(owners);
        return owners.Count == 0
            ? "no owner"
            : string.Join(", ", owners.Select(owner => mentions is not null && mentions.TryGetValue(owner, out var userId)
                ? $"<@{userId}>"
                : DiscordMarkdown.Escape(owner)));
    }

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Title(TrackedItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return DiscordMarkdown.Escape(item.Title);
    }

    /// <summary>A postmortem's name: its title, else its file name.</summary>
    public static string Postmortem(TrackedPostmortem postmortem)
    {
        ArgumentNullException.ThrowIfNull(postmortem);
        return DiscordMarkdown.Escape(string.IsNullOrWhiteSpace(postmortem.Title) ? Path.GetFileName(postmortem.Path) : postmortem.Title);
    }

    /// <summary>A link to the postmortem's tracking issue, with a leading separator; empty while it has none.</summary>
    public static string TrackingIssue(TrackedPostmortem postmortem)
    {
        ArgumentNullException.ThrowIfNull(postmortem);
        return postmortem.Tracking is { Number: { } number, Url: { } url }
            ? " · " + DiscordMarkdown.Link(string.Create(CultureInfo.InvariantCulture, $"tracking issue #{number}"), url)
            : "";
    }

    /// <summary>One line of a listing: title, owners, due date, state and issue link.</summary>
    public static string Full(TrackedItem item, DateOnly? due, IReadOnlyDictionary<string, string>? mentions = null)
    {
        ArgumentNullException.ThrowIfNull(item);
        var state = item.State == ItemState.Closed ? "closed" : "open";
        var dueText = due is { } d ? $"due {Date(d)}" : "no due date";
        return $"• {Title(item)} — {Owners(item.Owners, mentions)} — {dueText} — {state} — {Issue(item)}";
    }
}
