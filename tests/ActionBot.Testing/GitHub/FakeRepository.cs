namespace ActionBot.Testing.GitHub;

/// <summary>One repository of the fake: files per ref, pull requests, commits, issues, labels, assignable users.</summary>
public sealed class FakeRepository
{
    private readonly Lock _sync;
    private readonly TimeProvider _time;
    private readonly Func<long> _nextId;
    private readonly Dictionary<(string Ref, string Path), byte[]> _files = [];
    private readonly Dictionary<int, IReadOnlyList<FakeFileChange>> _pullFiles = [];
    private readonly Dictionary<string, FakeCommit> _commits = new(StringComparer.Ordinal);
    private readonly SortedDictionary<int, FakeIssue> _issues = [];
    private readonly Dictionary<string, FakeLabel> _labels = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _assignees = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _branches = new(StringComparer.Ordinal);
    private readonly Dictionary<int, List<(FakeRepository Repository, int Number)>> _subIssues = [];
    private readonly Dictionary<int, (FakeRepository Repository, int Number)> _parents = [];

    internal FakeRepository(string owner, string name, string defaultBranch, long id, Lock sync, TimeProvider time, Func<long> nextId)
    {
        Owner = owner;
        Name = name;
        DefaultBranch = defaultBranch;
        Id = id;
        _sync = sync;
        _time = time;
        _nextId = nextId;
    }

    public string Owner { get; }

    public string Name { get; }

    public string FullName => $"{Owner}/{Name}";

    public long Id { get; }

    public string DefaultBranch { get; set; }

    public IReadOnlyList<FakeIssue> Issues
    {
        get
        {
            lock (_sync)
            {
                return [.. _issues.Values.Where(i => !i.IsPullRequest)];
            }
        }
    }

    /// <summary>The issues labelled <c>action-item</c>: one per open action item (tracking issues left out).</summary>
    public IReadOnlyList<FakeIssue> ActionItemIssues => [.. Issues.Where(i => i.Labels.Contains("action-item", StringComparer.OrdinalIgnoreCase))];

    /// <summary>The postmortems' tracking issues: labelled <c>postmortem</c> and not <c>action-item</c>.</summary>
    public IReadOnlyList<FakeIssue> TrackingIssues => [.. Issues.Where(i =>
        i.Labels.Contains("postmortem", StringComparer.OrdinalIgnoreCase) && !i.Labels.Contains("action-item", StringComparer.OrdinalIgnoreCase))];

    public IReadOnlyList<FakeLabel> Labels
    {
        get
        {
            lock (_sync)
            {
                return [.. _labels.Values.OrderBy(l => l.Id)];
            }
        }
    }

    /// <summary>Stores a file's text (UTF-8) at a ref: a commit sha or a branch name.</summary>
    public FakeRepository AddFile(string gitRef, string path, string content) => AddFile(gitRef, path, System.Text.Encoding.UTF8.GetBytes(content));

    public FakeRepository AddFile(string gitRef, string path, byte[] content)
    {
        lock (_sync)
        {
            _files[(gitRef, path.Trim('/'))] = content;
        }

        return this;
    }

    /// <summary>Adds a pull request with its changed files; it takes an issue number, as on GitHub.</summary>
    public FakeRepository AddPullRequest(int number, IEnumerable<FakeFileChange> files, string title = "A pull request", params string[] labels)
    {
        var now = _time.GetUtcNow();
        lock (_sync)
        {
            _pullFiles[number] = [.. files];
            _issues[number] = new FakeIssue(_nextId(), number, title, null, "open", null, labels, [], now, now, null, [], IsPullRequest: true);
        }

        return this;
    }

    /// <summary>
    /// Adds a commit (for get-commit, compare and the commit list); <paramref name="parentSha"/> links the history. Its
    /// tree is every file stored at <paramref name="sha"/> (<see cref="AddFile(string, string, string)"/>).
    /// </summary>
    public FakeRepository AddCommit(string sha, string? parentSha, IEnumerable<FakeFileChange> files, string message = "A commit", DateTimeOffset? date = null, string? author = null)
    {
        lock (_sync)
        {
            _commits[sha] = new FakeCommit(sha, parentSha, message, [.. files], date ?? _time.GetUtcNow(), author);
        }

        return this;
    }

    /// <summary>
    /// A commit on the default branch: <paramref name="changes"/> (a null content deletes the file) on top of the files
    /// of its head, the whole tree stored at the new commit, the branch moved to it. Returns the commit's sha.
    /// </summary>
    public string CommitToDefaultBranch(DateTimeOffset date, string? author, params (string Path, string? Content)[] changes)
    {
        lock (_sync)
        {
            var parent = _branches.GetValueOrDefault(DefaultBranch);
            var files = (parent is null ? Enumerable.Empty<(string Path, byte[] Content)>() : FilesAt(parent)).ToDictionary(f => f.Path, f => f.Content, StringComparer.Ordinal);
            var sha = FakeGitHubJson.Sha($"{FullName}:{parent}:{_commits.Count}:{string.Join(',', changes.Select(c => c.Path))}");
            foreach (var (path, content) in changes)
            {
                if (content is null)
                {
                    files.Remove(path.Trim('/'));
                }
                else
                {
                    files[path.Trim('/')] = System.Text.Encoding.UTF8.GetBytes(content);
                }
            }

            foreach (var (path, content) in files)
            {
                _files[(sha, path)] = content;
            }

            var changed = changes.Select(c => new FakeFileChange(c.Path.Trim('/'), c.Content is null ? "removed" : "modified")).ToList();
            _commits[sha] = new FakeCommit(sha, parent, $"Commit {_commits.Count + 1}", changed, date, author);
            _branches[DefaultBranch] = sha;
            return sha;
        }
    }

    /// <summary>Points <paramref name="branch"/> at <paramref name="sha"/> (a push, or the branch's creation).</summary>
    public FakeRepository SetBranch(string branch, string sha)
    {
        lock (_sync)
        {
            _branches[branch] = sha;
        }

        return this;
    }

    /// <summary>The issues attached to <paramref name="parentNumber"/> as sub-issues, in order.</summary>
    public IReadOnlyList<FakeIssue> SubIssues(int parentNumber)
    {
        lock (_sync)
        {
            return [.. SubIssueRefs(parentNumber).Select(s => s.Repository.IssueItem(s.Number)!)];
        }
    }

    /// <summary>The parent of issue <paramref name="number"/> (repository and number), when it is a sub-issue.</summary>
    public (string Repository, int Number)? ParentOf(int number)
    {
        lock (_sync)
        {
            return _parents.TryGetValue(number, out var parent) ? (parent.Repository.FullName, parent.Number) : null;
        }
    }

    public FakeRepository AddLabel(string name, string color = "ededed", string? description = null)
    {
        lock (_sync)
        {
            _labels.TryAdd(name, new FakeLabel(_nextId(), name, color, description));
        }

        return this;
    }

    public FakeRepository AddAssignees(params string[] logins)
    {
        lock (_sync)
        {
            _assignees.UnionWith(logins);
        }

        return this;
    }

    /// <summary>Seeds an issue that already exists before the test acts.</summary>
    public FakeIssue AddIssue(string title, string? body = null, IEnumerable<string>? labels = null, IEnumerable<string>? assignees = null)
    {
        lock (_sync)
        {
            return CreateIssue(title, body, [.. labels ?? []], [.. assignees ?? []]);
        }
    }

    public FakeIssue? Issue(int number)
    {
        lock (_sync)
        {
            return _issues.GetValueOrDefault(number);
        }
    }

    // The members below are the endpoints' view; callers hold _sync.

    internal IEnumerable<FakeIssue> AllIssueItems => _issues.Values;

    internal byte[]? File(string gitRef, string path) => _files.GetValueOrDefault((gitRef, path.Trim('/')));

    internal IReadOnlyList<FakeFileChange>? PullFiles(int number) => _pullFiles.GetValueOrDefault(number);

    internal FakeCommit? Commit(string sha) => _commits.GetValueOrDefault(sha);

    internal FakeLabel? Label(string name) => _labels.GetValueOrDefault(name);

    internal bool IsAssignable(string login) => _assignees.Contains(login);

    internal FakeIssue? IssueItem(int number) => _issues.GetValueOrDefault(number);

    internal FakeLabel EnsureLabel(string name, string color = "ededed", string? description = null)
    {
        if (!_labels.TryGetValue(name, out var label))
        {
            label = new FakeLabel(_nextId(), name, color, description);
            _labels[name] = label;
        }

        return label;
    }

    internal FakeIssue CreateIssue(string title, string? body, IReadOnlyList<string> labels, IReadOnlyList<string> assignees)
    {
        foreach (var label in labels)
        {
            EnsureLabel(label); // GitHub creates unknown labels for writers
        }

        var now = _time.GetUtcNow();
        var number = _issues.Count == 0 ? 1 : _issues.Keys.Max() + 1;
        var issue = new FakeIssue(_nextId(), number, title, body, "open", null, labels, assignees, now, now, null, [], IsPullRequest: false);
        _issues[number] = issue;
        return issue;
    }

    internal void Replace(FakeIssue issue) => _issues[issue.Number] = issue;

    internal string? BranchHead(string branch) => _branches.GetValueOrDefault(branch);

    internal IEnumerable<FakeCommit> Commits => _commits.Values;

    /// <summary>Every file stored at <paramref name="gitRef"/>: a commit's tree.</summary>
    internal IEnumerable<(string Path, byte[] Content)> FilesAt(string gitRef) =>
        _files.Where(f => f.Key.Ref == gitRef).Select(f => (f.Key.Path, f.Value));

    internal IReadOnlyList<(FakeRepository Repository, int Number)> SubIssueRefs(int parentNumber) =>
        _subIssues.TryGetValue(parentNumber, out var children) ? children : [];

    internal (FakeRepository Repository, int Number)? Parent(int number) => _parents.TryGetValue(number, out var parent) ? parent : null;

    internal void Attach(int parentNumber, FakeRepository childRepository, int childNumber)
    {
        if (!_subIssues.TryGetValue(parentNumber, out var children))
        {
            _subIssues[parentNumber] = children = [];
        }

        children.Add((childRepository, childNumber));
        childRepository._parents[childNumber] = (this, parentNumber);
    }

    internal void Detach(int parentNumber, FakeRepository childRepository, int childNumber)
    {
        _subIssues.GetValueOrDefault(parentNumber)?.Remove((childRepository, childNumber));
        childRepository._parents.Remove(childNumber);
    }
}
