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
        var kept = new List<EntryDraft>(walker.Drafts.Count);
        List<EntryDraft>? lessons = null;
        foreach (var draft in walker.Drafts)
        {
            if (IsBesideTable(draft, walker.TableScopes))
            {
                continue;
            }

            // Lessons are built only when no explicit action list stands beside them.
            (IsLesson(draft) ? lessons ??= [] : kept).Add(draft);
        }

        var built = Build(kept, walker.Warnings);
        var hasActionList = built.Exists(b => b.Draft.Section.Role == SectionRole.Tasks || b.Draft.Origin is EntryOrigin.Table or EntryOrigin.FrontMatter or EntryOrigin.Marker);
        if (!hasActionList)
        {
            // No action list: the lessons' tasks, and the writers' commitments elsewhere ("The team will..."), are the postmortem's tasks.
            lessons ??= [];
            lessons.AddRange(walker.LessonsProse());
            built = [.. built.Concat(Build(lessons, walker.Warnings)).Concat(Build(walker.CommitmentsElsewhere(), walker.Warnings)).OrderBy(b => b.Item.Line)];
        }

        return built.ConvertAll(b => b.Item);
    }

    private static List<(EntryDraft Draft, ActionItem Item)> Build(List<EntryDraft> drafts, List<ExtractionWarning> warnings)
    {
        var ordered = drafts;
        if (!IsInLineOrder(ordered))
        {
            // Front matter and readers may add entries out of order; a stable sort keeps same-line entries in reading order.
            ordered = [.. ordered.OrderBy(d => d.Line)];
        }

        var built = new List<(EntryDraft Draft, ActionItem Item)>(ordered.Count);
        foreach (var draft in ordered)
        {
            if (ActionItemBuilder.Build(draft, warnings) is { } item)
            {
                built.Add((draft, item));
            }
        }

        return built;
    }

    private static bool IsInLineOrder(List<EntryDraft> drafts)
    {
        for (var i = 1; i < drafts.Count; i++)
        {
            if (drafts[i].Line < drafts[i - 1].Line)
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsBesideTable(EntryDraft draft, HashSet<int> tableScopes) =>
        tableScopes.Count > 0 && draft.Origin is EntryOrigin.List or EntryOrigin.Line or EntryOrigin.Prose && tableScopes.Contains(draft.Scope);

    // An explicit marker ("Action point: ...") under a lessons heading is a task in its own right.
    private static bool IsLesson(EntryDraft draft) => draft.Section.Role == SectionRole.Lessons && draft.Origin != EntryOrigin.Marker;
}
