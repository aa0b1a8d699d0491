namespace ActionBot.Dashboard;

public enum DashboardState
{
    Open,
    Closed,
    All,
}

/// <summary>The page's filters, read from its GET form: <c>?repo=&amp;owner=&amp;state=open|closed|all</c>.</summary>
public sealed record DashboardFilter(string? Repository, string? Owner, DashboardState State)
{
    public static DashboardFilter From(IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var state = ((string?)query["state"])?.ToUpperInvariant() switch
        {
            "CLOSED" => DashboardState.Closed,
            "ALL" => DashboardState.All,
            _ => DashboardState.Open,
        };
        return new DashboardFilter(Blank(query["repo"]), Blank(query["owner"]), state);
    }

    /// <summary>Repository and owner: the counts, charts and lists all follow these.</summary>
    public bool Keeps(DashboardItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return (Repository is null || string.Equals(item.Repository, Repository, StringComparison.OrdinalIgnoreCase))
            && (Owner is null || item.Owners.Any(o => string.Equals(o, Owner, StringComparison.OrdinalIgnoreCase)));
    }

    /// <summary>State: only the lists follow it.</summary>
    public bool Lists(DashboardItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return State switch
        {
            DashboardState.Open => item.Open,
            DashboardState.Closed => !item.Open,
            _ => true,
        };
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
