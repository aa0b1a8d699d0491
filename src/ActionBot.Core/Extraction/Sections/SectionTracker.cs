namespace ActionBot.Core.Extraction.Sections;

/// <summary>
/// Follows the headings and labels of a document. A heading closes every heading of the same or a deeper
/// level; a label (bold paragraph, "Improvements:" line) sits just below the heading it follows, and a
/// label that names nothing ("Short term:") sits below the last label that did.
/// </summary>
internal sealed class SectionTracker
{
    private readonly List<Scope> _scopes = [];
    private int _headingLevel;

    /// <summary>Increases whenever the current section changes, so readers can tell sections apart.</summary>
    public int Version { get; private set; }

    public SectionContext Current { get; private set; } = SectionContext.Outside;

    public void EnterHeading(int level, string text, bool isDocumentTitle)
    {
        _headingLevel = level;
        // The document's own title ("Incident follow-up: ...") names the whole text, not a section of tasks.
        Enter(level * 10, text, isDocumentTitle ? SectionRole.Neutral : SectionVocabulary.Classify(text));
    }

    public void EnterLabel(string text)
    {
        var role = SectionVocabulary.Classify(text);
        Enter(_headingLevel * 10 + (role == SectionRole.Neutral ? 7 : 5), text, role);
    }

    private void Enter(int tier, string name, SectionRole role)
    {
        _scopes.RemoveAll(scope => scope.Tier >= tier);
        _scopes.Add(new Scope(tier, name, role));
        Version++;
        Current = Resolve();
    }

    private SectionContext Resolve()
    {
        ActionItemKind? kind = null;
        for (var i = _scopes.Count - 1; i >= 0; i--)
        {
            kind ??= SectionVocabulary.KindOf(_scopes[i].Name);
            if (_scopes[i].Role != SectionRole.Neutral)
            {
                return new SectionContext(_scopes[^1].Name, _scopes[i].Role, kind);
            }
        }

        return SectionContext.Outside with { Name = _scopes.Count > 0 ? _scopes[^1].Name : string.Empty };
    }

    private sealed record Scope(int Tier, string Name, SectionRole Role);
}
