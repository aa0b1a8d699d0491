using System.Text.Json;

namespace ActionBot.Testing.GitHub.Webhooks;

/// <summary>A <c>push</c> delivery body shaped like GitHub's. Defaults: one commit to main of acme/services.</summary>
public sealed class PushEventBuilder
{
    private static readonly string[] Roles = ["author", "committer"];

    private readonly List<Commit> _commits = [];
    private string _repository = "acme/services";
    private string _defaultBranch = "main";
    private string _ref = "refs/heads/main";
    private string _before = "1f0e9d8c7b6a5f4e3d2c1b0a9f8e7d6c5b4a3f2e";
    private string _after = "9c1e3f5a7b2d4c6e8f0a1b3c5d7e9f1a2b4c6d8e";
    private string _pusher = "dana";

    public PushEventBuilder InRepository(string fullName, string defaultBranch = "main")
    {
        _repository = fullName;
        _defaultBranch = defaultBranch;
        _ref = "refs/heads/" + defaultBranch;
        return this;
    }

    public PushEventBuilder ToBranch(string branch) { _ref = "refs/heads/" + branch; return this; }

    /// <summary>A full ref, e.g. <c>refs/tags/v1.2.0</c>.</summary>
    public PushEventBuilder WithRef(string fullRef) { _ref = fullRef; return this; }

    public PushEventBuilder Between(string before, string after)
    {
        _before = before;
        _after = after;
        return this;
    }

    /// <summary>A branch deletion: <c>after</c> is all zeros and there are no commits.</summary>
    public PushEventBuilder Deleting()
    {
        _after = new string('0', 40);
        _commits.Clear();
        return this;
    }

    public PushEventBuilder By(string pusher) { _pusher = pusher; return this; }

    public PushEventBuilder WithCommit(
        string? id = null,
        IReadOnlyList<string>? added = null,
        IReadOnlyList<string>? modified = null,
        IReadOnlyList<string>? removed = null,
        string message = "Add postmortem")
    {
        _commits.Add(new Commit(id ?? $"{_commits.Count + 1:x2}c1e3f5a7b2d4c6e8f0a1b3c5d7e9f1a2b4c6d8", added ?? [], modified ?? [], removed ?? [], message));
        return this;
    }

    public byte[] Build() => GitHubPayloadWriter.Write(w =>
    {
        var owner = _repository.Split('/')[0];
        w.WriteString("ref", _ref);
        w.WriteString("before", _before);
        w.WriteString("after", _after);
        GitHubPayloadWriter.WriteRepository(w, "repository", _repository, _defaultBranch, pushShape: true);
        w.WriteStartObject("pusher");
        w.WriteString("name", _pusher);
        w.WriteString("email", $"{_pusher}@example.com");
        w.WriteEndObject();
        w.WriteStartObject("organization");
        w.WriteString("login", owner);
        w.WriteNumber("id", 9919);
        w.WriteEndObject();
        GitHubPayloadWriter.WriteUser(w, "sender", _pusher, 583231);
        w.WriteBoolean("created", _before == new string('0', 40));
        w.WriteBoolean("deleted", _after == new string('0', 40));
        w.WriteBoolean("forced", false);
        w.WriteNull("base_ref");
        w.WriteString("compare", $"https://github.com/{_repository}/compare/{_before[..12]}...{_after[..12]}");
        w.WriteStartArray("commits");
        foreach (var commit in _commits)
        {
            WriteCommit(w, commit);
        }

        w.WriteEndArray();
        w.WritePropertyName("head_commit");
        if (_commits.Count > 0)
        {
            WriteCommit(w, _commits[^1]);
        }
        else
        {
            w.WriteNullValue();
        }
    });

    private void WriteCommit(Utf8JsonWriter w, Commit commit)
    {
        w.WriteStartObject();
        w.WriteString("id", commit.Id);
        w.WriteString("tree_id", "3b18e512dba79e4c8300dd08aeb37f8e728b8dad");
        w.WriteBoolean("distinct", true);
        w.WriteString("message", commit.Message);
        w.WriteString("timestamp", "2025-01-17T14:30:00Z");
        w.WriteString("url", $"https://github.com/{_repository}/commit/{commit.Id}");
        foreach (var role in Roles)
        {
            w.WriteStartObject(role);
            w.WriteString("name", _pusher);
            w.WriteString("email", $"{_pusher}@example.com");
            w.WriteString("username", _pusher);
            w.WriteEndObject();
        }

        WritePaths(w, "added", commit.Added);
        WritePaths(w, "removed", commit.Removed);
        WritePaths(w, "modified", commit.Modified);
        w.WriteEndObject();
    }

    private static void WritePaths(Utf8JsonWriter w, string propertyName, IReadOnlyList<string> paths)
    {
        w.WriteStartArray(propertyName);
        foreach (var path in paths)
        {
            w.WriteStringValue(path);
        }

        w.WriteEndArray();
    }

    private sealed record Commit(string Id, IReadOnlyList<string> Added, IReadOnlyList<string> Modified, IReadOnlyList<string> Removed, string Message);
}
