using System.Globalization;
using System.Text.Json;

namespace ActionBot.Testing.GitHub.Webhooks;

/// <summary>A <c>pull_request</c> delivery body shaped like GitHub's. Defaults: merged into main of acme/services.</summary>
public sealed class PullRequestEventBuilder
{
    private string _action = "closed";
    private string _repository = "acme/services";
    private string _defaultBranch = "main";
    private string _baseRef = "main";
    private string _headRef = "postmortem/checkout-flag";
    private int _number = 42;
    private bool _merged = true;
    private DateTimeOffset? _mergedAt = GitHubPayloadWriter.DefaultTime;
    private string? _mergeCommitSha = "9c1e3f5a7b2d4c6e8f0a1b3c5d7e9f1a2b4c6d8e";
    private string _headSha = "e4d2c0b8a6f4e2d0c8b6a4f2e0d8c6b4a2f0e8d6";
    private string _title = "Postmortem: checkout feature flag pushed to all regions";
    private string _body = "Adds the postmortem for the 2025-01-17 checkout incident and its action items.";
    private string _author = "dana";
    private long? _installationId;

    public PullRequestEventBuilder WithAction(string action) { _action = action; return this; }

    public PullRequestEventBuilder InRepository(string fullName, string defaultBranch = "main")
    {
        _repository = fullName;
        _defaultBranch = defaultBranch;
        _baseRef = defaultBranch;
        return this;
    }

    public PullRequestEventBuilder WithNumber(int number) { _number = number; return this; }

    public PullRequestEventBuilder IntoBranch(string baseRef) { _baseRef = baseRef; return this; }

    public PullRequestEventBuilder FromBranch(string headRef, string headSha)
    {
        _headRef = headRef;
        _headSha = headSha;
        return this;
    }

    public PullRequestEventBuilder Merged(string mergeCommitSha, DateTimeOffset mergedAt)
    {
        _action = "closed";
        _merged = true;
        _mergeCommitSha = mergeCommitSha;
        _mergedAt = mergedAt;
        return this;
    }

    /// <summary>Closed without merging (or still open with another action); GitHub keeps a test-merge sha.</summary>
    public PullRequestEventBuilder NotMerged()
    {
        _merged = false;
        _mergedAt = null;
        return this;
    }

    public PullRequestEventBuilder WithTitle(string title) { _title = title; return this; }

    /// <summary>The description; a long one is how to reach a given payload size for load tests.</summary>
    public PullRequestEventBuilder WithBody(string body) { _body = body; return this; }

    public PullRequestEventBuilder WithAuthor(string login) { _author = login; return this; }

    public PullRequestEventBuilder WithInstallation(long id) { _installationId = id; return this; }

    public string HtmlUrl => $"https://github.com/{_repository}/pull/{_number}";

    public byte[] Build() => GitHubPayloadWriter.Write(w =>
    {
        w.WriteString("action", _action);
        w.WriteNumber("number", _number);
        w.WritePropertyName("pull_request");
        WritePullRequest(w);
        GitHubPayloadWriter.WriteRepository(w, "repository", _repository, _defaultBranch);
        w.WriteStartObject("organization");
        w.WriteString("login", _repository.Split('/')[0]);
        w.WriteNumber("id", 9919);
        w.WriteEndObject();
        GitHubPayloadWriter.WriteUser(w, "sender", _author, 583231);
        if (_installationId is { } id)
        {
            w.WriteStartObject("installation");
            w.WriteNumber("id", id);
            w.WriteString("node_id", "MDIzOkludGVncmF0aW9uSW5zdGFsbGF0aW9u");
            w.WriteEndObject();
        }
    });

    private void WritePullRequest(Utf8JsonWriter w)
    {
        var api = $"https://api.github.com/repos/{_repository}";
        var time = GitHubPayloadWriter.DefaultTime;
        w.WriteStartObject();
        w.WriteString("url", $"{api}/pulls/{_number}");
        w.WriteNumber("id", 2_100_000_000 + _number);
        w.WriteString("node_id", "PR_kwDOKnVzdM59xyz");
        w.WriteString("html_url", HtmlUrl);
        w.WriteString("diff_url", HtmlUrl + ".diff");
        w.WriteString("patch_url", HtmlUrl + ".patch");
        w.WriteString("issue_url", $"{api}/issues/{_number}");
        w.WriteNumber("number", _number);
        w.WriteString("state", _action == "closed" ? "closed" : "open");
        w.WriteBoolean("locked", false);
        w.WriteString("title", _title);
        GitHubPayloadWriter.WriteUser(w, "user", _author, 583231);
        w.WriteString("body", _body);
        w.WriteString("created_at", Iso(time.AddHours(-20)));
        w.WriteString("updated_at", Iso(time));
        WriteNullableTime(w, "closed_at", _action == "closed" ? time : null);
        WriteNullableTime(w, "merged_at", _merged ? _mergedAt : null);
        w.WriteString("merge_commit_sha", _mergeCommitSha);
        w.WriteNull("assignee");
        w.WriteStartArray("assignees");
        w.WriteEndArray();
        w.WriteStartArray("requested_reviewers");
        GitHubPayloadWriter.WriteUser(w, "sam", 771002);
        w.WriteEndArray();
        w.WriteStartArray("requested_teams");
        w.WriteEndArray();
        w.WriteStartArray("labels");
        w.WriteStartObject();
        w.WriteNumber("id", 5_010_001);
        w.WriteString("name", "postmortem");
        w.WriteString("color", "d93f0b");
        w.WriteBoolean("default", false);
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteNull("milestone");
        w.WriteBoolean("draft", false);
        w.WriteString("commits_url", $"{api}/pulls/{_number}/commits");
        w.WriteString("review_comments_url", $"{api}/pulls/{_number}/comments");
        w.WriteString("review_comment_url", $"{api}/pulls/comments{{/number}}");
        w.WriteString("comments_url", $"{api}/issues/{_number}/comments");
        w.WriteString("statuses_url", $"{api}/statuses/{_headSha}");
        WriteBranch(w, "head", _headRef, _headSha);
        WriteBranch(w, "base", _baseRef, "1f0e9d8c7b6a5f4e3d2c1b0a9f8e7d6c5b4a3f2e");
        w.WriteStartObject("_links");
        foreach (var (name, href) in new[] { ("self", $"{api}/pulls/{_number}"), ("html", HtmlUrl), ("issue", $"{api}/issues/{_number}"), ("comments", $"{api}/issues/{_number}/comments"), ("review_comments", $"{api}/pulls/{_number}/comments"), ("commits", $"{api}/pulls/{_number}/commits"), ("statuses", $"{api}/statuses/{_headSha}") })
        {
            w.WriteStartObject(name);
            w.WriteString("href", href);
            w.WriteEndObject();
        }

        w.WriteEndObject();
        w.WriteString("author_association", "MEMBER");
        w.WriteNull("auto_merge");
        w.WriteNull("active_lock_reason");
        w.WriteBoolean("merged", _merged);
        if (_merged)
        {
            w.WriteBoolean("mergeable", false);
            w.WriteNull("rebaseable");
            w.WriteString("mergeable_state", "unknown");
            GitHubPayloadWriter.WriteUser(w, "merged_by", _author, 583231);
        }
        else
        {
            w.WriteBoolean("mergeable", true);
            w.WriteBoolean("rebaseable", true);
            w.WriteString("mergeable_state", "clean");
            w.WriteNull("merged_by");
        }

        w.WriteNumber("comments", 2);
        w.WriteNumber("review_comments", 1);
        w.WriteBoolean("maintainer_can_modify", false);
        w.WriteNumber("commits", 3);
        w.WriteNumber("additions", 148);
        w.WriteNumber("deletions", 2);
        w.WriteNumber("changed_files", 1);
        w.WriteEndObject();
    }

    private void WriteBranch(Utf8JsonWriter w, string propertyName, string branch, string sha)
    {
        w.WriteStartObject(propertyName);
        w.WriteString("label", $"{_repository.Split('/')[0]}:{branch}");
        w.WriteString("ref", branch);
        w.WriteString("sha", sha);
        GitHubPayloadWriter.WriteUser(w, "user", _repository.Split('/')[0], 9919);
        GitHubPayloadWriter.WriteRepository(w, "repo", _repository, _defaultBranch);
        w.WriteEndObject();
    }

    private static void WriteNullableTime(Utf8JsonWriter w, string propertyName, DateTimeOffset? time)
    {
        if (time is { } value)
        {
            w.WriteString(propertyName, Iso(value));
        }
        else
        {
            w.WriteNull(propertyName);
        }
    }

    internal static string Iso(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
