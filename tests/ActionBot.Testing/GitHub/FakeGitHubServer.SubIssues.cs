using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ActionBot.Testing.GitHub;

// Sub-issues (docs.github.com/rest/issues/sub-issues): add by the child's id (not its number), list with pagination.
// GitHub's rules: same owner, one parent per issue (unless replace_parent), no duplicates, at most 100 per parent.
public sealed partial class FakeGitHubServer
{
    /// <summary>GitHub's limit of sub-issues under one parent.</summary>
    public const int MaxSubIssues = 100;

    private void MapSubIssueEndpoints(WebApplication app)
    {
        app.MapGet("/repos/{owner}/{repo}/issues/{number:int}/sub_issues", (HttpContext context, string owner, string repo, int number) =>
            WithRepository(owner, repo, r => r.IssueItem(number) is null
                ? NotFound()
                : Json(Page(context, r.SubIssueRefs(number)).Select(c => FakeGitHubJson.Issue(Api, c.Repository, c.Repository.IssueItem(c.Number)!)))));

        app.MapPost("/repos/{owner}/{repo}/issues/{number:int}/sub_issues", async (HttpContext context, string owner, string repo, int number) =>
        {
            var body = await ReadJsonAsync(context);
            return body is null ? BadJson() : WithRepository(owner, repo, r => AddSubIssue(context, r, number, body));
        });
    }

    private IResult AddSubIssue(HttpContext context, FakeRepository parentRepository, int number, JsonNode body)
    {
        if (parentRepository.IssueItem(number) is not { IsPullRequest: false } parent)
        {
            return NotFound();
        }

        // An integer, as GitHub requires: "123" (a string, as gh api -f sends it) is refused.
        if (body["sub_issue_id"] is not JsonValue idValue || !idValue.TryGetValue<long>(out var id))
        {
            return ValidationFailed(new { resource = "Issue", code = "invalid", field = "sub_issue_id" });
        }

        if (IssueById(id) is not { } child)
        {
            return NotFound();
        }

        var replace = body["replace_parent"] is JsonValue r && r.TryGetValue<bool>(out var b) && b;
        if (Refusal(parentRepository, parent, child, replace) is { } refusal)
        {
            return ValidationFailed(new { resource = "Issue", code = "custom", field = "sub_issue_id", message = refusal });
        }

        if (child.Repository.Parent(child.Issue.Number) is { } previous)
        {
            previous.Repository.Detach(previous.Number, child.Repository, child.Issue.Number);
        }

        parentRepository.Attach(number, child.Repository, child.Issue.Number);
        var updated = parent with { UpdatedAt = Time.GetUtcNow() };
        parentRepository.Replace(updated);
        if (Faults.DrawAttachThenFail())
        {
            // GitHub attached it; the caller never hears of it.
            return Json(FakeGitHubJson.Error("Server Error", 502), StatusCodes.Status502BadGateway);
        }

        context.Response.Headers.Location = $"{Api}repos/{parentRepository.FullName}/issues/sub-issues/{id}";
        return Json(FakeGitHubJson.Issue(Api, parentRepository, updated), StatusCodes.Status201Created);
    }

    // GitHub's 422 messages for the sub-issues it refuses.
    private static string? Refusal(FakeRepository parentRepository, FakeIssue parent, (FakeRepository Repository, FakeIssue Issue) child, bool replace)
    {
        if (!string.Equals(parentRepository.Owner, child.Repository.Owner, StringComparison.OrdinalIgnoreCase) || child.Issue.IsPullRequest)
        {
            return "Sub issue must belong to the same repository owner as the parent issue";
        }

        if (child.Issue.Id == parent.Id)
        {
            return "Issue cannot be a sub-issue of itself";
        }

        var current = child.Repository.Parent(child.Issue.Number);
        if (current is { } p && p.Repository == parentRepository && p.Number == parent.Number)
        {
            return "Issue may not contain duplicate sub-issues";
        }

        if (current is not null && !replace)
        {
            return "Sub issue may only have one parent";
        }

        return parentRepository.SubIssueRefs(parent.Number).Count >= MaxSubIssues ? $"Parent cannot have more than {MaxSubIssues} sub-issues" : null;
    }

    private (FakeRepository Repository, FakeIssue Issue)? IssueById(long id)
    {
        foreach (var repository in _repositories.Values)
        {
            if (repository.AllIssueItems.FirstOrDefault(i => i.Id == id) is { } issue)
            {
                return (repository, issue);
            }
        }

        return null;
    }
}
