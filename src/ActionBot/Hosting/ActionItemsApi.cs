using ActionBot.Core.Ports;
using ActionBot.Core.Tracking;
using ActionBot.Dashboard;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ActionBot.Hosting;

/// <summary>One tracked item as <c>GET /api/action-items</c> lists it (and its CSV writes it).</summary>
public sealed record ActionItemResponse(
    string Key, string Repository, string Path, string Title, string? Details, string Section, IReadOnlyList<string> Owners,
    DateOnly? Due, string? Priority, string? Kind, string State, string IssueRepository, int? IssueNumber, string? IssueUrl, bool Removed,
    DateTimeOffset CreatedAt, DateTimeOffset? ClosedAt)
{
    public static ActionItemResponse From(TrackedItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return new ActionItemResponse(
            item.Key, item.Repository, item.Path, item.Title, item.Details, item.Section, item.Owners, item.Due, item.Priority,
            item.Kind?.ToString().ToLowerInvariant(), item.State == ItemState.Open ? "open" : "closed", item.IssueRepository,
            item.IssueNumber, item.IssueUrl, item.Removed, item.CreatedAt, item.ClosedAt);
    }
}

/// <summary>
/// <c>GET /api/action-items?state=open|closed|all&amp;owner=&amp;repo=&amp;limit=&amp;cursor=</c>: a JSON array, one page
/// in creation order, with <c>Link: &lt;...&gt;; rel="next"</c> while more remain (as GitHub's API pages). And
/// <c>GET /api/action-items.csv</c>: every item of the same filters, read page by page from storage as it is written.
/// Both are live data: <c>Cache-Control: no-store</c>.
/// </summary>
public static class ActionItemsApi
{
    public const string Route = "/api/action-items";

    // The CSV reads storage in pages this large: memory stays flat however many items there are.
    private const int ExportPageSize = 500;

    public static IEndpointRouteBuilder MapActionItemsApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Route, ListAsync);
        endpoints.MapGet(Route + ".csv", Export);
        return endpoints;
    }

    private static async Task<Results<Ok<List<ActionItemResponse>>, ProblemHttpResult>> ListAsync(
        HttpContext context, ActionItemSource source, string? state, string? owner, string? repo, string? limit, string? cursor,
        CancellationToken cancellationToken)
    {
        context.Response.Headers.CacheControl = "no-store";
        var (request, error) = ItemsRequest.Parse(state, owner, repo, limit, cursor);
        if (request is null)
        {
            return BadRequest(error!);
        }

        var dryRun = await source.IsDryRunAsync(context.Request.Query, cancellationToken);
        var page = await source.PageAsync(dryRun, request.Query, request.After, request.Limit, cancellationToken);
        if (page.Next is { } next)
        {
            context.Response.Headers.Link = $"<{NextPage(context.Request, next)}>; rel=\"next\"";
        }

        return TypedResults.Ok(page.Items.Select(ActionItemResponse.From).ToList());
    }

    private static Results<PushStreamHttpResult, ProblemHttpResult> Export(HttpContext context, ActionItemSource source, string? state, string? owner, string? repo)
    {
        context.Response.Headers.CacheControl = "no-store";
        var (request, error) = ItemsRequest.Parse(state, owner, repo, null, null);
        if (request is null)
        {
            return BadRequest(error!);
        }

        return TypedResults.Stream(
            async body =>
            {
                var aborted = context.RequestAborted;
                var dryRun = await source.IsDryRunAsync(context.Request.Query, aborted);
                await using var writer = new StreamWriter(body, leaveOpen: true);
                await writer.WriteAsync(ActionItemsCsv.Header.AsMemory(), aborted);
                ItemPosition? after = null;
                do
                {
                    var page = await source.PageAsync(dryRun, request.Query, after, ExportPageSize, aborted);
                    foreach (var item in page.Items)
                    {
                        await writer.WriteAsync(ActionItemsCsv.Row(ActionItemResponse.From(item)).AsMemory(), aborted);
                    }

                    after = page.Next;
                }
                while (after is not null);
            },
            "text/csv; charset=utf-8",
            "action-items.csv");
    }

    private static ProblemHttpResult BadRequest(string detail) => TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest);

    // The same URL with the cursor moved on: the client's filters, page size and host stay as it sent them.
    private static string NextPage(HttpRequest request, ItemPosition next)
    {
        var query = request.Query.Where(p => !string.Equals(p.Key, "cursor", StringComparison.OrdinalIgnoreCase))
            .SelectMany(p => p.Value.Select(v => KeyValuePair.Create(p.Key, v)))
            .Append(KeyValuePair.Create("cursor", (string?)ItemCursor.Encode(next)));
        return UriHelper.BuildAbsolute(request.Scheme, request.Host, request.PathBase, request.Path, QueryString.Create(query));
    }
}
