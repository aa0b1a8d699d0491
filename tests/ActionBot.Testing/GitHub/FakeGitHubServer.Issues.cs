using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ActionBot.Testing.GitHub;

// Issues: list (filters, pagination, ETag / 304), get, create (with "create then fail"), update, comments.
public sealed partial class FakeGitHubServer
{
    private void MapIssueEndpoints(WebApplication app)
    {
        app.MapGet("/repos/{owner}/{repo}/issues", (HttpContext context, string owner, string repo) =>
            WithRepository(owner, repo, r => ListIssues(context, r)));

        app.MapGet("/repos/{owner}/{repo}/issues/{number:int}", (string owner, string repo, int number) =>
            WithRepository(owner, repo, r => r.IssueItem(number) is { } issue ? Json(FakeGitHubJson.Issue(Api, r, issue)) : NotFound()));

        app.MapPost("/repos/{owner}/{repo}/issues", async (HttpContext context, string owner, string repo) =>
        {
            var body = await ReadJsonAsync(context);
            return body is null ? BadJson() : WithRepository(owner, repo, r => CreateIssue(context, r, body));
        });

        app.MapMethods("/repos/{owner}/{repo}/issues/{number:int}", ["PATCH"], async (HttpContext context, string owner, string repo, int number) =>
        {
            var body = await ReadJsonAsync(context);
            return body is null ? BadJson() : WithRepository(owner, repo, r => UpdateIssue(r, number, body));
        });

        app.MapGet("/repos/{owner}/{repo}/issues/{number:int}/comments", (HttpContext context, string owner, string repo, int number) =>
            WithRepository(owner, repo, r => r.IssueItem(number) is { } issue
                ? Json(Page(context, issue.Comments).Select(c => FakeGitHubJson.Comment(Api, r, number, c)))
                : NotFound()));

        app.MapPost("/repos/{owner}/{repo}/issues/{number:int}/comments", async (HttpContext context, string owner, string repo, int number) =>
        {
            var body = await ReadJsonAsync(context);
            return body is null ? BadJson() : WithRepository(owner, repo, r => CreateComment(r, number, body));
        });
    }

    private IResult ListIssues(HttpContext context, FakeRepository repository)
    {
        var query = context.Request.Query;
        var state = query["state"].FirstOrDefault() ?? "open";
        var labels = (query["labels"].FirstOrDefault() ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var since = DateTimeOffset.TryParse(query["since"].FirstOrDefault(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var s) ? s : (DateTimeOffset?)null;
        var byUpdated = query["sort"].FirstOrDefault() == "updated";
        var ascending = query["direction"].FirstOrDefault() == "asc";

        var matching = repository.AllIssueItems
            .Where(i => state == "all" || i.State == state)
            .Where(i => labels.All(l => i.Labels.Contains(l, StringComparer.OrdinalIgnoreCase)))
            .Where(i => since is null || i.UpdatedAt >= since);
        Func<FakeIssue, DateTimeOffset> key = byUpdated ? i => i.UpdatedAt : i => i.CreatedAt;
        var ordered = ascending ? matching.OrderBy(key).ThenBy(i => i.Number) : matching.OrderByDescending(key).ThenByDescending(i => i.Number);

        var page = Page(context, ordered.ToList());
        var body = JsonSerializer.SerializeToUtf8Bytes(page.Select(i => FakeGitHubJson.Issue(Api, repository, i)), FakeGitHubJson.Options);
        var etag = $"W/\"{FakeGitHubJson.Sha(Convert.ToBase64String(body) + context.Response.Headers.Link)}\"";
        context.Response.Headers.ETag = etag;
        if (context.Request.Headers.IfNoneMatch.ToString() == etag)
        {
            CountNotModified();
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }

        return Results.Bytes(body, "application/json; charset=utf-8");
    }

    private IResult CreateIssue(HttpContext context, FakeRepository repository, JsonNode body)
    {
        var title = Text(body, "title");
        if (string.IsNullOrWhiteSpace(title))
        {
            return ValidationFailed(new { resource = "Issue", code = "missing_field", field = "title" });
        }

        var assignees = Names(body, "assignees");
        if (Text(body, "assignee") is { } single)
        {
            assignees = [.. assignees.Append(single).Distinct(StringComparer.OrdinalIgnoreCase)];
        }

        if (Unassignable(repository, assignees) is { } invalid)
        {
            return invalid;
        }

        var issue = repository.CreateIssue(title, Text(body, "body"), Names(body, "labels"), assignees);
        CountIssueCreated();
        if (Faults.DrawCreateThenFail())
        {
            // GitHub created the issue; the caller never hears of it.
            if (Faults.CreateThenFailWith == FakeAfterCreateFailure.ConnectionReset)
            {
                context.Abort();
                return Results.Empty;
            }

            return Json(FakeGitHubJson.Error("Server Error", 502), StatusCodes.Status502BadGateway);
        }

        context.Response.Headers.Location = $"{Api}repos/{repository.FullName}/issues/{issue.Number}";
        return Json(FakeGitHubJson.Issue(Api, repository, issue), StatusCodes.Status201Created);
    }

    private IResult UpdateIssue(FakeRepository repository, int number, JsonNode body)
    {
        if (repository.IssueItem(number) is not { } issue)
        {
            return NotFound();
        }

        var state = Text(body, "state") ?? issue.State;
        if (state is not ("open" or "closed"))
        {
            return ValidationFailed(new { resource = "Issue", code = "invalid", field = "state", value = state });
        }

        var assignees = body["assignees"] is null ? issue.Assignees : Names(body, "assignees");
        if (Unassignable(repository, assignees) is { } invalid)
        {
            return invalid;
        }

        var labels = body["labels"] is null ? issue.Labels : Names(body, "labels");
        foreach (var label in labels)
        {
            repository.EnsureLabel(label);
        }

        var now = Time.GetUtcNow();
        var updated = issue with
        {
            Title = Text(body, "title") ?? issue.Title,
            Body = body.AsObject().ContainsKey("body") ? Text(body, "body") : issue.Body,
            State = state,
            StateReason = state == "closed" ? Text(body, "state_reason") ?? "completed" : Text(body, "state_reason") is "reopened" ? "reopened" : null,
            Labels = labels,
            Assignees = assignees,
            UpdatedAt = now,
            ClosedAt = state == "closed" ? issue.ClosedAt ?? now : null,
        };
        repository.Replace(updated);
        return Json(FakeGitHubJson.Issue(Api, repository, updated));
    }

    private IResult CreateComment(FakeRepository repository, int number, JsonNode body)
    {
        if (repository.IssueItem(number) is not { } issue)
        {
            return NotFound();
        }

        if (Text(body, "body") is not { Length: > 0 } text)
        {
            return ValidationFailed(new { resource = "IssueComment", code = "missing_field", field = "body" });
        }

        var now = Time.GetUtcNow();
        var comment = new FakeComment(NextId(), text, "actionbot[bot]", now);
        repository.Replace(issue with { Comments = [.. issue.Comments, comment], UpdatedAt = now });
        return Json(FakeGitHubJson.Comment(Api, repository, number, comment), StatusCodes.Status201Created);
    }

    // GitHub refuses the whole request when one assignee may not be assigned.
    private static IResult? Unassignable(FakeRepository repository, IReadOnlyList<string> assignees) =>
        assignees.FirstOrDefault(a => !repository.IsAssignable(a)) is { } login
            ? ValidationFailed(new { value = login, resource = "Issue", field = "assignees", code = "invalid" })
            : null;

    // Labels come as names or as {"name": ...} objects.
    private static List<string> Names(JsonNode body, string property) =>
        body[property] is JsonArray items
            ? [.. items.Select(i => i is JsonObject o ? Text(o, "name") : i?.GetValue<string>()).OfType<string>()]
            : [];
}
