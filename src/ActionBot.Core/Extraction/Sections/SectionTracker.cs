namespace ActionBot.Core.Extraction.Sections;

/// <summary>
/// Follows the headings and labels of a document. A heading closes every heading of the same or a deeper
/// level; a label (bold paragraph, "Improvements:" line) sits just below the heading it follows, and a
/// label that names nothing ("Short term:") sits below the last label that did, unless that label's own
/// entries already came: then it is the next section ("**README File:**" after the measures' list).
/// </summary>
internal sealed class SectionTracker
{
    private List<Scope> _scopes = new(8);
    private int _headingLevel;

    /// <summary>Increases whenever the current section changes, so readers can tell sections apart.</summary>
    public int Version { get; private set; }

    /// <summary>Increases at every heading: entries with the same number stand under the same heading.</summary>
    public int HeadingScope { get; private set; }

    /// <summary>True once any section named for tasks (or lessons) was entered.</summary>
    public bool EverHeldTasks { get; private set; }

    public SectionContext Current { get; private set; } = SectionContext.Outside;

    public void EnterHeading(int level, string text, bool isDocumentTitle)
    {
        _headingLevel = level;
        HeadingScope++;
        // The document's own title ("Incident follow-up: ...") names the whole text, not a section of tasks.
        Enter(level * 10, text, isDocumentTitle ? SectionRole.Neutral : SectionVocabulary.Classify(text), isLabel: false);
    }

    /// <summary>A heading that titles the postmortem itself, met after other sections: everything before it is closed.</summary>
    public void EnterTitle(int level, string text)
    {
        _scopes.Clear();
        EnterHeading(level, text, isDocumentTitle: true);
    }

    public void EnterLabel(string text)
    {
        var role = SectionVocabulary.Classify(text);
        var tier = _headingLevel * 10 + (role == SectionRole.Neutral ? 7 : 5);
        if (role == SectionRole.Neutral && _scopes.Count > 0 && _scopes[^1] is { IsLabel: true, HasEntries: true } last && last.Tier < tier)
        {
            tier = last.Tier;
        }

        Enter(tier, text, role, isLabel: true);
    }

    /// <summary>The innermost section got entries of its own (a list, a table, lines).</summary>
    public void NoteEntries()
    {
        if (_scopes.Count > 0)
        {
            _scopes[^1].HasEntries = true;
        }
    }

    /// <summary>The sections as they are now, to return to after a label that covers only its own line.</summary>
    public Snapshot Save() => new([.. _scopes.Select(s => s with { })], _headingLevel, Current);

    public void Restore(Snapshot saved)
    {
        (_scopes, _headingLevel, Current) = ([.. saved.Scopes], saved.HeadingLevel, saved.Current);
        Version++;
    }

    private void Enter(int tier, string name, SectionRole role, bool isLabel)
    {
        _scopes.RemoveAll(scope => scope.Tier >= tier);
        _scopes.Add(new Scope(tier, name, role, isLabel));
        Version++;
        Current = Resolve();
        EverHeldTasks |= Current.HoldsTasks;
    }

    private SectionContext Resolve()
    {
        var inTimeline = _scopes.Exists(s => s.Role == SectionRole.NotTasks && SectionVocabulary.IsTimeline(s.Name));
        ActionItemKind? kind = null;
        for (var i = _scopes.Count - 1; i >= 0; i--)
        {
            kind ??= SectionVocabulary.KindOf(_scopes[i].Name);
            if (_scopes[i].Role != SectionRole.Neutral)
            {
                return new SectionContext(_scopes[^1].Name, _scopes[i].Role, kind) { InTimeline = inTimeline };
            }
        }

        return SectionContext.Outside with { Name = _scopes.Count > 0 ? _scopes[^1].Name : string.Empty, InTimeline = inTimeline };
    }

    internal sealed record Scope(int Tier, string Name, SectionRole Role, bool IsLabel)
    {
        public bool HasEntries { get; set; }
    }

    internal sealed record Snapshot(IReadOnlyList<Scope> Scopes, int HeadingLevel, SectionContext Current);
}
