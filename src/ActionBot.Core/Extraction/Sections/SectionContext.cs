namespace ActionBot.Core.Extraction.Sections;

/// <summary>Where an entry stands: the innermost heading or label, and what the enclosing sections make of it.</summary>
internal sealed record SectionContext(string Name, SectionRole Role, ActionItemKind? Kind, bool Done = false)
{
    /// <summary>Outside any section that names tasks or non-tasks (no heading yet, or only neutral ones).</summary>
    public static readonly SectionContext Outside = new(string.Empty, SectionRole.Neutral, null);

    /// <summary>True where the entries are tasks (or, under lessons learned and the like, may be).</summary>
    public bool HoldsTasks => Role is SectionRole.Tasks or SectionRole.Lessons or SectionRole.Prospective;

    /// <summary>Inside a timeline, whatever the inner label says: imperative steps there were taken, not planned.</summary>
    public bool InTimeline { get; init; }

    /// <summary>
    /// The context of a group label inside this one ("Improvements/Fixes:" with a nested list). A label that names tasks
    /// outside any section of tasks ("Measures must contain:" in an assignment's text) is weaker: its entries are
    /// judged by their phrasing.
    /// </summary>
    public SectionContext Within(string label)
    {
        var role = SectionVocabulary.Classify(label);
        var done = Done || IsDoneLabel(label);
        role = role == SectionRole.Tasks && !HoldsTasks ? SectionRole.Prospective : role;
        return new SectionContext(
            label,
            done ? Role : role == SectionRole.Neutral ? Role : role,
            SectionVocabulary.KindOf(label) ?? Kind,
            done) { InTimeline = InTimeline };
    }

    // Inside an action list, "Completed:" groups tasks that are done, which are still tasks.
    private static bool IsDoneLabel(string label) =>
        SectionVocabulary.Normalize(label).Trim() is "done" or "completed" or "complete" or "closed" or "finished" or "resolved";
}
