using System.Text.Json;

namespace ActionBot.Testing.GitHub.Webhooks;

// The objects GitHub repeats across payloads, with their full set of fields so payloads have the real
// size and shape (a merged pull_request delivery is about 25 KB).
internal static class GitHubPayloadWriter
{
    private const string Api = "https://api.github.com";
    private const string Web = "https://github.com";

    public static readonly DateTimeOffset DefaultTime = new(2025, 1, 17, 14, 30, 0, TimeSpan.Zero);

    public static void WriteUser(Utf8JsonWriter w, string propertyName, string login, long id = 583231)
    {
        w.WritePropertyName(propertyName);
        WriteUser(w, login, id);
    }

    public static void WriteUser(Utf8JsonWriter w, string login, long id = 583231)
    {
        w.WriteStartObject();
        w.WriteString("login", login);
        w.WriteNumber("id", id);
        w.WriteString("node_id", $"MDQ6VXNlcj{id}");
        w.WriteString("avatar_url", $"https://avatars.githubusercontent.com/u/{id}?v=4");
        w.WriteString("gravatar_id", "");
        w.WriteString("url", $"{Api}/users/{login}");
        w.WriteString("html_url", $"{Web}/{login}");
        w.WriteString("followers_url", $"{Api}/users/{login}/followers");
        w.WriteString("following_url", $"{Api}/users/{login}/following{{/other_user}}");
        w.WriteString("gists_url", $"{Api}/users/{login}/gists{{/gist_id}}");
        w.WriteString("starred_url", $"{Api}/users/{login}/starred{{/owner}}{{/repo}}");
        w.WriteString("subscriptions_url", $"{Api}/users/{login}/subscriptions");
        w.WriteString("organizations_url", $"{Api}/users/{login}/orgs");
        w.WriteString("repos_url", $"{Api}/users/{login}/repos");
        w.WriteString("events_url", $"{Api}/users/{login}/events{{/privacy}}");
        w.WriteString("received_events_url", $"{Api}/users/{login}/received_events");
        w.WriteString("type", "User");
        w.WriteString("user_view_type", "public");
        w.WriteBoolean("site_admin", false);
        w.WriteEndObject();
    }

    /// <summary>
    /// A repository object. Push payloads carry times as Unix seconds and an owner with name and email;
    /// every other event uses ISO timestamps.
    /// </summary>
    public static void WriteRepository(Utf8JsonWriter w, string propertyName, string fullName, string defaultBranch, bool pushShape = false)
    {
        var owner = fullName.Split('/')[0];
        var name = fullName.Split('/')[^1];
        var url = $"{Api}/repos/{fullName}";
        w.WritePropertyName(propertyName);
        w.WriteStartObject();
        w.WriteNumber("id", 700100200);
        w.WriteString("node_id", "R_kgDOKnVzdA");
        w.WriteString("name", name);
        w.WriteString("full_name", fullName);
        w.WriteBoolean("private", true);
        w.WritePropertyName("owner");
        if (pushShape)
        {
            w.WriteStartObject();
            w.WriteString("name", owner);
            w.WriteNull("email");
            w.WriteString("login", owner);
            w.WriteNumber("id", 9919);
            w.WriteString("url", $"{Api}/users/{owner}");
            w.WriteString("type", "Organization");
            w.WriteEndObject();
        }
        else
        {
            WriteUser(w, owner, 9919);
        }

        w.WriteString("html_url", $"{Web}/{fullName}");
        w.WriteString("description", "Services and the postmortems written about them");
        w.WriteBoolean("fork", false);
        w.WriteString("url", url);
        foreach (var (field, suffix) in RepositoryUrls)
        {
            w.WriteString(field, url + suffix);
        }

        if (pushShape)
        {
            w.WriteNumber("created_at", 1_600_000_000);
            w.WriteString("updated_at", "2025-01-17T14:29:58Z");
            w.WriteNumber("pushed_at", DefaultTime.ToUnixTimeSeconds());
        }
        else
        {
            w.WriteString("created_at", "2020-09-13T12:26:40Z");
            w.WriteString("updated_at", "2025-01-17T14:29:58Z");
            w.WriteString("pushed_at", "2025-01-17T14:30:00Z");
        }

        w.WriteString("git_url", $"git://github.com/{fullName}.git");
        w.WriteString("ssh_url", $"git@github.com:{fullName}.git");
        w.WriteString("clone_url", $"{Web}/{fullName}.git");
        w.WriteString("svn_url", $"{Web}/{fullName}");
        w.WriteNull("homepage");
        w.WriteNumber("size", 18452);
        w.WriteNumber("stargazers_count", 12);
        w.WriteNumber("watchers_count", 12);
        w.WriteString("language", "C#");
        w.WriteBoolean("has_issues", true);
        w.WriteBoolean("has_projects", false);
        w.WriteBoolean("has_downloads", true);
        w.WriteBoolean("has_wiki", false);
        w.WriteBoolean("has_pages", false);
        w.WriteBoolean("has_discussions", false);
        w.WriteNumber("forks_count", 0);
        w.WriteNull("mirror_url");
        w.WriteBoolean("archived", false);
        w.WriteBoolean("disabled", false);
        w.WriteNumber("open_issues_count", 31);
        w.WriteNull("license");
        w.WriteBoolean("allow_forking", false);
        w.WriteBoolean("is_template", false);
        w.WriteBoolean("web_commit_signoff_required", false);
        w.WriteStartArray("topics");
        w.WriteStringValue("postmortems");
        w.WriteStringValue("sre");
        w.WriteEndArray();
        w.WriteString("visibility", "private");
        w.WriteNumber("forks", 0);
        w.WriteNumber("open_issues", 31);
        w.WriteNumber("watchers", 12);
        w.WriteString("default_branch", defaultBranch);
        if (pushShape)
        {
            w.WriteNumber("stargazers", 12);
            w.WriteString("master_branch", defaultBranch);
            w.WriteString("organization", owner);
        }

        w.WriteEndObject();
    }

    public static byte[] Write(Action<Utf8JsonWriter> body)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(32 * 1024);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            body(writer);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static readonly (string Field, string Suffix)[] RepositoryUrls =
    [
        ("forks_url", "/forks"), ("keys_url", "/keys{/key_id}"), ("collaborators_url", "/collaborators{/collaborator}"),
        ("teams_url", "/teams"), ("hooks_url", "/hooks"), ("issue_events_url", "/issues/events{/number}"),
        ("events_url", "/events"), ("assignees_url", "/assignees{/user}"), ("branches_url", "/branches{/branch}"),
        ("tags_url", "/tags"), ("blobs_url", "/git/blobs{/sha}"), ("git_tags_url", "/git/tags{/sha}"),
        ("git_refs_url", "/git/refs{/sha}"), ("trees_url", "/git/trees{/sha}"), ("statuses_url", "/statuses/{sha}"),
        ("languages_url", "/languages"), ("stargazers_url", "/stargazers"), ("contributors_url", "/contributors"),
        ("subscribers_url", "/subscribers"), ("subscription_url", "/subscription"), ("commits_url", "/commits{/sha}"),
        ("git_commits_url", "/git/commits{/sha}"), ("comments_url", "/comments{/number}"),
        ("issue_comment_url", "/issues/comments{/number}"), ("contents_url", "/contents/{+path}"),
        ("compare_url", "/compare/{base}...{head}"), ("merges_url", "/merges"), ("archive_url", "/{archive_format}{/ref}"),
        ("downloads_url", "/downloads"), ("issues_url", "/issues{/number}"), ("pulls_url", "/pulls{/number}"),
        ("milestones_url", "/milestones{/number}"), ("notifications_url", "/notifications{?since,all,participating}"),
        ("labels_url", "/labels{/name}"), ("releases_url", "/releases{/id}"), ("deployments_url", "/deployments"),
    ];
}
