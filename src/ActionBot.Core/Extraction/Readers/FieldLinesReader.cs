using ActionBot.Core.Extraction.Fields;
using ActionBot.Core.Extraction.Sections;
using ActionBot.Core.Extraction.Text;

namespace ActionBot.Core.Extraction.Readers;

/// <summary>
/// Reads an entry written as fields, one per line: "Name: Dana" / "Task: Rotate the keys" / "Deadline: March 3, 2025".
/// A field met a second time starts the next entry.
/// </summary>
internal static class FieldLinesReader
{
    private enum Field
    {
        Task,
        Owner,
        Due,
        Priority,
        Status,
    }

    private static readonly Dictionary<string, Field> Keys = new(StringComparer.OrdinalIgnoreCase)
    {
        ["task"] = Field.Task, ["action"] = Field.Task, ["action item"] = Field.Task, ["todo"] = Field.Task, ["what"] = Field.Task,
        ["name"] = Field.Owner, ["owner"] = Field.Owner, ["owners"] = Field.Owner, ["assignee"] = Field.Owner, ["assigned to"] = Field.Owner,
        ["who"] = Field.Owner, ["responsible"] = Field.Owner, ["deadline"] = Field.Due, ["due"] = Field.Due, ["due date"] = Field.Due,
        ["by"] = Field.Due, ["when"] = Field.Due, ["eta"] = Field.Due, ["target date"] = Field.Due, ["priority"] = Field.Priority,
        ["status"] = Field.Status, ["state"] = Field.Status,
    };

    /// <param name="title">A bare line over the fields ("Load shedding review:") that titles the one entry they make.</param>
    /// <returns>True when every line is a field and the block names a task.</returns>
    public static bool TryRead(IReadOnlyList<TextLine> lines, SectionContext section, int scope, List<EntryDraft> drafts, string? title = null)
    {
        var parsed = new List<(Field Field, string Value, int Line)>(lines.Count);
        foreach (var line in lines)
        {
            if (FieldOf(line.Text) is not { } field)
            {
                return false;
            }

            parsed.Add((field.Field, field.Value, line.Line));
        }

        if (lines.Count < 2 || !parsed.Exists(p => p.Field == Field.Task))
        {
            return false;
        }

        if (title is not null)
        {
            // One titled entry: its task line is the description under the title.
            if (parsed.Count(p => p.Field == Field.Task) > 1)
            {
                return false;
            }

            var at = parsed.FindIndex(p => p.Field == Field.Task);
            parsed[at] = parsed[at] with { Value = $"{title}: {parsed[at].Value}" };
        }

        var group = new Dictionary<Field, (string Value, int Line)>();
        foreach (var (field, value, line) in parsed)
        {
            if (group.ContainsKey(field))
            {
                Add(group, section, scope, drafts, title);
                group.Clear();
            }

            group[field] = (value, line);
        }

        Add(group, section, scope, drafts, title);
        return true;
    }

    private static void Add(Dictionary<Field, (string Value, int Line)> group, SectionContext section, int scope, List<EntryDraft> drafts, string? title)
    {
        if (!group.TryGetValue(Field.Task, out var task))
        {
            return;
        }

        var status = group.TryGetValue(Field.Status, out var s) ? s.Value.ToLowerInvariant() : string.Empty;
        var colon = task.Value.IndexOf(": ", StringComparison.Ordinal);
        drafts.Add(new EntryDraft(task.Value, task.Line, section)
        {
            LeadIn = title is not null && colon > 0 ? task.Value[..(colon + 1)] : null,
            Origin = EntryOrigin.Fields,
            Scope = scope,
            Structured = true,
            Owners = group.TryGetValue(Field.Owner, out var owner) ? OwnerParser.ParseList(owner.Value) : [],
            Due = group.TryGetValue(Field.Due, out var due) ? DueDateParser.ParseAny(due.Value) : null,
            Priority = group.TryGetValue(Field.Priority, out var priority) ? PriorityParser.ParseValue(priority.Value) : null,
            Done = status is "done" or "complete" or "completed" or "closed" or "finished" or "resolved",
        });
    }

    private static (Field Field, string Value)? FieldOf(string line)
    {
        var colon = line.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || colon > 14)
        {
            return null;
        }

        var value = line[(colon + 1)..].Trim();
        return Keys.TryGetValue(line[..colon].Trim(), out var field) && value.Length > 0 ? (field, value) : null;
    }
}
