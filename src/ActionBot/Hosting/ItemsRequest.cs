using System.Globalization;
using ActionBot.Core.Ports;

namespace ActionBot.Hosting;

/// <summary>The query of <c>GET /api/action-items</c> and its CSV: filters, page size and where the page starts.</summary>
public sealed record ItemsRequest(ItemQuery Query, int Limit, ItemPosition? After)
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;

    /// <summary>The request, or the reason it is not one (a sentence for a 400 answer).</summary>
    public static (ItemsRequest? Request, string? Error) Parse(string? state, string? owner, string? repo, string? limit, string? cursor)
    {
        ItemStateFilter? filter = (state ?? "open").Trim().ToUpperInvariant() switch
        {
            "OPEN" => ItemStateFilter.Open,
            "CLOSED" => ItemStateFilter.Closed,
            "ALL" => ItemStateFilter.All,
            _ => null,
        };
        if (filter is null)
        {
            return (null, $"state must be open, closed or all, not '{state}'.");
        }

        var size = DefaultLimit;
        if (limit is not null && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out size) || size is < 1 or > MaxLimit))
        {
            return (null, $"limit must be a whole number from 1 to {MaxLimit}, not '{limit}'.");
        }

        ItemPosition? after = null;
        if (!string.IsNullOrEmpty(cursor) && (after = ItemCursor.Decode(cursor)) is null)
        {
            return (null, "cursor is not one this API gave: follow the Link header's rel=\"next\" URL as it is.");
        }

        return (new ItemsRequest(new ItemQuery(filter.Value, Blank(owner), Blank(repo)), size, after), null);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
