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

    /// <summary>Adds a commit (for get-commit and compare); <paramref name="parentSha"/> links the history.</summary>
    public FakeRepository AddCommit(string sha, string? parentSha, IEnumerable<FakeFileChange> files, string message = "A commit")
    {
        lock (_sync)
        {
            _commits[sha] = new FakeCommit(sha, parentSha, message, [.. files]);
        }

        return this;
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
}
