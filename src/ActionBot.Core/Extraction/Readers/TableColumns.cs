using ActionBot.Core.Extraction.Sections;

namespace ActionBot.Core.Extraction.Readers;

internal enum ColumnRole
{
    Other,
    Index,
    Task,
    Description,
    Owner,
    Due,
    Priority,
    Kind,
    Ticket,
    Status,
}

/// <summary>Maps the header of an action-item table to what each column holds.</summary>
internal static class TableColumns
{
    private static readonly (ColumnRole Role, string[] Words)[] Vocabulary =
    [
        (ColumnRole.Owner, ["owner", "owners", "assignee", "assignees", "assigned", "who", "responsible", "dri", "poc", "team"]),
        (ColumnRole.Due, ["due", "deadline", "date", "eta", "target", "when", "by"]),
        (ColumnRole.Priority, ["priority", "prio", "pri"]),
        (ColumnRole.Kind, ["type", "kind", "category"]),
        (ColumnRole.Status, ["status", "state", "done", "progress", "complete"]),
        (ColumnRole.Task, ["action", "actions", "task", "tasks", "todo", "follow", "followup", "remediation", "recommendation", "measure", "improvement", "fix", "step"]),
        (ColumnRole.Ticket, ["ticket", "issue", "bug", "jira", "link", "tracking", "tracker", "pr", "reference", "ref", "url"]),
        (ColumnRole.Description, ["item", "description", "details", "detail", "what", "title", "summary", "notes", "name"]),
    ];

    public static ColumnRole[] Map(IReadOnlyList<string> headers)
    {
        var roles = headers.Select(RoleOf).ToArray();
        if (!roles.Contains(ColumnRole.Task))
        {
            // No "Action" column: the first descriptive column, else the first unmapped one, holds the task.
            var index = Array.IndexOf(roles, ColumnRole.Description);
            index = index >= 0 ? index : Array.IndexOf(roles, ColumnRole.Other);
            if (index >= 0)
            {
                roles[index] = ColumnRole.Task;
            }
        }

        return roles;
    }

    /// <summary>
    /// A table whose header names action items or tasks, and who, when, how urgent or how far along: an action-item table
    /// wherever it stands. A table that opens with a time column is a timeline, whatever its other columns say.
    /// </summary>
    public static bool LookLikeActionItems(IReadOnlyList<string> headers)
    {
        if (headers.Count == 0 || SectionVocabulary.Normalize(headers[0]).Trim() is "time" or "timestamp" or "date" or "when" or "utc" or "time utc" or "date time")
        {
            return false;
        }

        var roles = headers.Select(RoleOf).ToList();
        var namesTasks = headers.Any(h => StrongTaskWords.Any(w => SectionVocabulary.Normalize(h).Contains(w, StringComparison.Ordinal)));
        return namesTasks && roles.Contains(ColumnRole.Task)
            && (roles.Contains(ColumnRole.Owner) || roles.Contains(ColumnRole.Due) || roles.Contains(ColumnRole.Status) || roles.Contains(ColumnRole.Priority));
    }

    private static readonly string[] StrongTaskWords = [" action item", " action ", " actions ", " task", " todo ", " to do ", " follow up", " followup", " remediation", " next step"];

    private static ColumnRole RoleOf(string header)
    {
        var words = SectionVocabulary.Normalize(header);
        // "#", "No.", "ID": a row number is never the task.
        if (words.Trim() is "" or "no" or "nr" or "num" or "number" or "id" or "s no" or "sl no" or "n")
        {
            return ColumnRole.Index;
        }

        foreach (var (role, vocabulary) in Vocabulary)
        {
            if (vocabulary.Any(word => words.Contains($" {word} ", StringComparison.Ordinal)))
            {
                return role;
            }
        }

        return ColumnRole.Other;
    }
}
