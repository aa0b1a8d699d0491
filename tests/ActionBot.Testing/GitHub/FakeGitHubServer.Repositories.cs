using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ActionBot.Testing.GitHub;

// Repository, pull request files, contents, commits, compare, labels, assignees; pagination; the App token exchange.
public sealed partial class FakeGitHubServer
{
    private const int LargeFileBytes = 1024 * 1024;

    private void MapRepositoryEndpoints(WebApplication app)
    {
        app.MapGet("/repos/{owner}/{repo}", (string owner, string repo) =>
            WithRepository(owner, repo, r => Json(FakeGitHubJson.Repository(Api, r))));

        app.MapGet("/repos/{owner}/{repo}/pulls/{number:int}/files", (HttpContext context, string owner, string repo, int number) =>
            WithRepository(owner, repo, r => r.PullFiles(number) is { } files
                ? Json(Page(context, files).Select(f => FakeGitHubJson.FileChange(Api, r, $"pull-{number}", f)))
                : NotFound()));

        app.MapGet("/repos/{owner}/{repo}/contents/{**path}", (HttpContext context, string owner, string repo, string path) =>
            WithRepository(owner, repo, r => Contents(context, r, path)));

        app.MapGet("/repos/{owner}/{repo}/commits/{sha}", (string owner, string repo, string sha) =>
            WithRepository(owner, repo, r => r.Commit(sha) is { } commit ? Json(FakeGitHubJson.Commit(Api, r, commit)) : NotFound()));

        app.MapGet("/repos/{owner}/{repo}/compare/{**basehead}", (string owner, string repo, string basehead) =>
            WithRepository(owner, repo, r => Compare(r, basehead)));

        app.MapGet("/repos/{owner}/{repo}/labels/{name}", (string owner, string repo, string name) =>
            WithRepository(owner, repo, r => r.Label(name) is { } label ? Json(FakeGitHubJson.Label(Api, r, label)) : NotFound()));

        app.MapPost("/repos/{owner}/{repo}/labels", async (HttpContext context, string owner, string repo) =>
        {
            var body = await ReadJsonAsync(context);
            return body is null ? BadJson() : WithRepository(owner, repo, r => CreateLabel(r, body));
        });

        app.MapGet("/repos/{owner}/{repo}/assignees/{login}", (string owner, string repo, string login) =>
            WithRepository(owner, repo, r => r.IsAssignable(login) ? Results.NoContent() : NotFound()));
    }

    private void MapAppEndpoints(WebApplication app) =>
        app.MapPost("/app/installations/{id:long}/access_tokens", (long id) =>
        {
            // The JWT was checked on the way in (AuthenticateAsync).
            if (App is not { } registered || registered.InstallationId != id)
            {
                return NotFound();
            }

            var (token, expiresAt) = registered.IssueToken(Time.GetUtcNow());
            return Json(
                new
                {
                    token,
                    expires_at = FakeGitHubJson.Time(expiresAt),
                    permissions = new { issues = "write", contents = "read", pull_requests = "read", metadata = "read" },
                    repository_selection = "all",
                },
                StatusCodes.Status201Created);
        });

    private IResult Contents(HttpContext context, FakeRepository repository, string path)
    {
        var gitRef = context.Request.Query["ref"].FirstOrDefault() ?? repository.DefaultBranch;
        if (repository.File(gitRef, path) is not { } bytes)
        {
            return NotFound();
        }

        // GitHub answers the raw media type it was asked for (application/vnd.github.raw, .raw+json, .v3.raw ...) as the
        // Content-Type, with charset=utf-8, and says so in X-GitHub-Media-Type (recorded answers: octokit/fixtures, get-content).
        var sha = FakeGitHubJson.Sha(gitRef + ":" + path);
        context.Response.Headers.ETag = $"\"{sha}\"";
        if (!IgnoresRawMediaType && RawMediaType(context.Request.Headers.Accept.ToString()) is { } raw)
        {
            context.Response.Headers["X-GitHub-Media-Type"] = raw.EndsWith("+json", StringComparison.Ordinal) ? "github.v3; param=raw; format=json" : "github.v3; param=raw";
            return Results.Bytes(bytes, $"{raw}; charset=utf-8");
        }

        context.Response.Headers["X-GitHub-Media-Type"] = "github.v3; format=json";

        // Above 1 MB GitHub leaves the JSON content empty: only the raw media type gives the file.
        var large = bytes.Length > LargeFileBytes;
        return Json(new
        {
            type = "file",
            encoding = large ? "none" : "base64",
            size = bytes.Length,
            name = Path.GetFileName(path),
            path,
            content = large ? "" : Base64Lines(bytes),
            sha,
            url = $"{Api}repos/{repository.FullName}/contents/{path}?ref={gitRef}",
            html_url = $"https://github.com/{repository.FullName}/blob/{gitRef}/{path}",
            download_url = $"https://raw.githubusercontent.com/{repository.FullName}/{gitRef}/{path}",
        });
    }

    // The first raw media type of the Accept header, as GitHub reads it: application/vnd.github[.v3].raw[+json].
    private static string? RawMediaType(string accept) =>
        accept.Split(',', StringSplitOptions.TrimEntries)
            .Select(type => type.Split(';')[0].Trim().ToLowerInvariant())
            .FirstOrDefault(type => type is "application/vnd.github.raw" or "application/vnd.github.raw+json" or "application/vnd.github.v3.raw" or "application/vnd.github.v3.raw+json");

    private IResult Compare(FakeRepository repository, string basehead)
    {
        var ends = basehead.Split("...");
        if (ends.Length != 2 || repository.Commit(ends[1]) is not { } head)
        {
            return NotFound();
        }

        // Walk back from head to base; the files of later commits win.
        var commits = new List<FakeCommit>();
        for (var commit = head; commit is not null && commit.Sha != ends[0]; commit = commit.ParentSha is { } p ? repository.Commit(p) : null)
        {
            commits.Insert(0, commit);
        }

        if (commits.Count > 0 && commits[0].ParentSha != ends[0])
        {
            return NotFound();
        }

        var files = commits.SelectMany(c => c.Files).GroupBy(f => f.Filename).Select(g => g.Last()).ToList();
        return Json(new
        {
            url = $"{Api}repos/{repository.FullName}/compare/{basehead}",
            html_url = $"https://github.com/{repository.FullName}/compare/{basehead}",
            status = commits.Count == 0 ? "identical" : "ahead",
            ahead_by = commits.Count,
            behind_by = 0,
            total_commits = commits.Count,
            commits = commits.Select(c => FakeGitHubJson.CommitSummary(Api, repository, c)).ToList(),
            files = files.Select(f => FakeGitHubJson.FileChange(Api, repository, head.Sha, f)).ToList(),
        });
    }

    private IResult CreateLabel(FakeRepository repository, JsonNode body)
    {
        var name = Text(body, "name");
        if (string.IsNullOrWhiteSpace(name))
        {
            return ValidationFailed(new { resource = "Label", code = "missing_field", field = "name" });
        }

        if (repository.Label(name) is not null)
        {
            return ValidationFailed(new { resource = "Label", code = "already_exists", field = "name" });
        }

        var label = repository.EnsureLabel(name, Text(body, "color") ?? "ededed", Text(body, "description"));
        return Json(FakeGitHubJson.Label(Api, repository, label), StatusCodes.Status201Created);
    }

    /// <summary>GitHub's pagination: per_page (default 30, at most 100), page, and a Link header.</summary>
    private static List<T> Page<T>(HttpContext context, IReadOnlyList<T> all)
    {
        var perPage = Math.Clamp(QueryInt(context, "per_page") ?? 30, 1, 100);
        var page = Math.Max(1, QueryInt(context, "page") ?? 1);
        var last = Math.Max(1, (all.Count + perPage - 1) / perPage);
        var links = new List<string>();
        if (page < last)
        {
            links.Add(Link(context, page + 1, "next"));
            links.Add(Link(context, last, "last"));
        }

        if (page > 1)
        {
            links.Add(Link(context, 1, "first"));
            links.Add(Link(context, page - 1, "prev"));
        }

        if (links.Count > 0)
        {
            context.Response.Headers.Link = string.Join(", ", links);
        }

        return [.. all.Skip((page - 1) * perPage).Take(perPage)];
    }

    private static string Link(HttpContext context, int page, string rel)
    {
        var query = context.Request.Query
            .Where(q => q.Key != "page")
            .Select(q => KeyValuePair.Create(q.Key, (string?)q.Value.ToString()))
            .Append(KeyValuePair.Create("page", (string?)page.ToString(CultureInfo.InvariantCulture)));
        var request = context.Request;
        return $"<{request.Scheme}://{request.Host}{request.PathBase}{request.Path}{QueryString.Create(query)}>; rel=\"{rel}\"";
    }

    private static int? QueryInt(HttpContext context, string name) =>
        int.TryParse(context.Request.Query[name].FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static string Base64Lines(byte[] bytes) =>
        string.Join('\n', Convert.ToBase64String(bytes).Chunk(60).Select(c => new string(c))) + "\n";

    private IResult WithRepository(string owner, string name, Func<FakeRepository, IResult> action)
    {
        if (FindRepository(owner, name) is not { } repository)
        {
            return NotFound();
        }

        lock (Sync)
        {
            return action(repository);
        }
    }

    private static async Task<JsonNode?> ReadJsonAsync(HttpContext context)
    {
        try
        {
            return await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private static string? Text(JsonNode node, string name) =>
        node[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static IResult Json(object value, int status = StatusCodes.Status200OK) =>
        Results.Json(value, FakeGitHubJson.Options, statusCode: status);

    private static IResult NotFound() => Json(FakeGitHubJson.Error("Not Found", 404), StatusCodes.Status404NotFound);

    private static IResult BadJson() => Json(FakeGitHubJson.Error("Problems parsing JSON", 400), StatusCodes.Status400BadRequest);

    private static IResult ValidationFailed(params object[] errors) =>
        Json(FakeGitHubJson.ValidationFailed(errors), StatusCodes.Status422UnprocessableEntity);
}
