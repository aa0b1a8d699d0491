using System.Text.Json;

namespace ActionBot.Testing.GitHub.Webhooks;

/// <summary>An <c>issues</c> delivery body shaped like GitHub's. Defaults: issue #7 of acme/action-items closed.</summary>
public sealed class IssuesEventBuilder
{
    private readonly List<string> _labels = ["action-item"];
    private readonly List<string> _assignees = [];
    private string _action = "closed";
    private string _repository = "acme/action-items";
    private int _number = 7;
    private string? _state;
    private string _title = "Add a canary stage to the checkout flag rollout";
    private string? _body = "From the postmortem of 2025-01-17.\n\n<!-- actionbot:item checkout-canary -->";
    private DateTimeOffset _updatedAt = GitHubPayloadWriter.DefaultTime;
    private DateTimeOffset? _closedAt;

    public IssuesEventBuilder WithAction(string action) { _action = action; return this; }

    public IssuesEventBuilder InRepository(string fullName) { _repository = fullName; return this; }

    public IssuesEventBuilder WithNumber(int number) { _number = number; return this; }

    /// <summary>Defaults to <c>closed</c> for a closed action and <c>open</c> otherwise.</summary>
    public IssuesEventBuilder WithState(string state) { _state = state; return this; }

    public IssuesEventBuilder WithTitle(string title) { _title = title; return this; }

    public IssuesEventBuilder WithBody(string? body) { _body = body; return this; }

    public IssuesEventBuilder WithLabels(params string[] labels)
    {
        _labels.Clear();
        _labels.AddRange(labels);
        return this;
    }

    public IssuesEventBuilder WithAssignees(params string[] logins)
    {
        _assignees.Clear();
        _assignees.AddRange(logins);
        return this;
    }

    public IssuesEventBuilder UpdatedAt(DateTimeOffset time) { _updatedAt = time; return this; }

    public IssuesEventBuilder ClosedAt(DateTimeOffset time) { _closedAt = time; return this; }

    public string HtmlUrl => $"https://github.com/{_repository}/issues/{_number}";

    public byte[] Build() => GitHubPayloadWriter.Write(w =>
    {
        var state = _state ?? (_action == "closed" ? "closed" : "open");
        var closedAt = state == "closed" ? _closedAt ?? _updatedAt : (DateTimeOffset?)null;
        var api = $"https://api.github.com/repos/{_repository}";
        w.WriteString("action", _action);
        w.WriteStartObject("issue");
        w.WriteString("url", $"{api}/issues/{_number}");
        w.WriteString("repository_url", api);
        w.WriteString("labels_url", $"{api}/issues/{_number}/labels{{/name}}");
        w.WriteString("comments_url", $"{api}/issues/{_number}/comments");
        w.WriteString("events_url", $"{api}/issues/{_number}/events");
        w.WriteString("html_url", HtmlUrl);
        w.WriteNumber("id", 2_700_000_000 + _number);
        w.WriteString("node_id", "I_kwDOKnVzdM6abcde");
        w.WriteNumber("number", _number);
        w.WriteString("title", _title);
        GitHubPayloadWriter.WriteUser(w, "user", "actionbot[bot]", 190001);
        w.WriteStartArray("labels");
        foreach (var label in _labels)
        {
            w.WriteStartObject();
            w.WriteNumber("id", 5_010_000 + label.Length);
            w.WriteString("name", label);
            w.WriteString("color", "0e8a16");
            w.WriteBoolean("default", false);
            w.WriteNull("description");
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteString("state", state);
        w.WriteBoolean("locked", false);
        w.WritePropertyName("assignee");
        if (_assignees.Count > 0)
        {
            GitHubPayloadWriter.WriteUser(w, _assignees[0], 771002);
        }
        else
        {
            w.WriteNullValue();
        }

        w.WriteStartArray("assignees");
        foreach (var login in _assignees)
        {
            GitHubPayloadWriter.WriteUser(w, login, 771002);
        }

        w.WriteEndArray();
        w.WriteNull("milestone");
        w.WriteNumber("comments", 0);
        w.WriteString("created_at", PullRequestEventBuilder.Iso(GitHubPayloadWriter.DefaultTime.AddDays(-3)));
        w.WriteString("updated_at", PullRequestEventBuilder.Iso(_updatedAt));
        if (closedAt is { } closed)
        {
            w.WriteString("closed_at", PullRequestEventBuilder.Iso(closed));
            w.WriteString("state_reason", "completed");
        }
        else
        {
            w.WriteNull("closed_at");
            w.WriteNull("state_reason");
        }

        w.WriteString("author_association", "NONE");
        w.WriteNull("active_lock_reason");
        w.WriteString("body", _body);
        w.WriteNull("performed_via_github_app");
        w.WriteEndObject();
        GitHubPayloadWriter.WriteRepository(w, "repository", _repository, "main");
        GitHubPayloadWriter.WriteUser(w, "sender", "sam", 771002);
    });
}
