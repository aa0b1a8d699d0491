using ActionBot.Core.Extraction.Sections;

namespace ActionBot.Core.Extraction;

/// <summary>
/// What a careful reader keeps once the whole document is read: where an explicit action list exists, lessons and
/// principles beside it are not tasks; where a heading holds an action-item table, the lists and prose around the
/// table are guidance (type and priority definitions, template prompts), not more tasks.
/// </summary>
internal static class EntrySelection
{
    public static List<ActionItem> Build(DocumentWalker walker)
    {
        var built = Build(walker.Drafts.Where(d => !IsBesideTable(d, walker.TableScopes)), walker.Warnings);
        var hasActionList = built.Exists(b => b.Draft.Section.Role == SectionRole.Tasks || b.Draft.Origin is EntryOrigin.Table or EntryOrigin.FrontMatter or EntryOrigin.Marker);
        if (!hasActionList)
        {
            // No action list: the writers' commitments elsewhere ("The team will...") are the postmortem's tasks.
            built = [.. built.Concat(Build(walker.CommitmentsElsewhere(), walker.Warnings)).OrderBy(b => b.Item.Line)];
        }

        return built.Where(b => !(hasActionList && IsLesson(b.Draft))).Select(b => b.Item).ToList();
    }

    private static List<(EntryDraft Draft, ActionItem Item)> Build(IEnumerable<EntryDraft> drafts, List<ExtractionWarning> warnings)
    {
        var built = new List<(EntryDraft Draft, ActionItem Item)>();
        foreach (var draft in drafts.OrderBy(d => d.Line))
        {
            if (ActionItemBuilder.Build(draft, warnings) is { } item)
            {
                built.Add((draft, item));
            }
        }

        return built;
    }

    private static bool IsBesideTable(EntryDraft draft, HashSet<int> tableScopes) =>
        draft.Origin is EntryOrigin.List or EntryOrigin.Line or EntryOrigin.Prose && tableScopes.Contains(draft.Scope);

    // An explicit marker ("Action point: ...") under a lessons heading is a task in its own right.
    private static bool IsLesson(EntryDraft draft) => draft.Section.Role == SectionRole.Lessons && draft.Origin != EntryOrigin.Marker;
}
