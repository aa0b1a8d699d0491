using ActionBot.Core.Ports;
using ActionBot.Core.Tracking;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ActionBot.Hosting;

/// <summary>One tracked item as <c>GET /api/action-items</c> lists it.</summary>
public sealed record ActionItemResponse(
    string Key, string Repository, string Path, string Title, string? Details, string Section, IReadOnlyList<string> Owners,
    DateOnly? Due, string? Priority, string? Kind, string State, string IssueRepository, int? IssueNumber, string? IssueUrl, bool Removed);

/// <summary><c>GET /api/action-items?state=open|closed|all&amp;owner=&amp;repo=</c>.</summary>
public static class ActionItemsApi
{
    public static IEndpointRouteBuilder MapActionItemsApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/action-items", ListAsync);
        return endpoints;
    }

    private static async Task<Results<Ok<List<ActionItemResponse>>, ProblemHttpResult>> ListAsync(
        IActionItemStore store, string? state, string? owner, string? repo, CancellationToken cancellationToken)
    {
        ItemStateFilter? filter = (state ?? "open").ToUpperInvariant() switch
        {
            "OPEN" => ItemStateFilter.Open,
            "CLOSED" => ItemStateFilter.Closed,
            "ALL" => ItemStateFilter.All,
            _ => null,
        };
        if (filter is null)
        {
            return TypedResults.Problem($"state must be open, closed or all, not '{state}'", statusCode: StatusCodes.Status400BadRequest);
        }

        var items = await store.QueryItemsAsync(new ItemQuery(filter.Value, owner, repo), cancellationToken);
        return TypedResults.Ok(items.Select(ToResponse).ToList());
    }

    private static ActionItemResponse ToResponse(TrackedItem i) => new(
        i.Key, i.Repository, i.Path, i.Title, i.Details, i.Section, i.Owners, i.Due, i.Priority,
        i.Kind?.ToString().ToLowerInvariant(), i.State == ItemState.Open ? "open" : "closed", i.IssueRepository, i.IssueNumber, i.IssueUrl, i.Removed);
}
