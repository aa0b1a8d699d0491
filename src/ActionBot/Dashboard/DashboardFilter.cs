using System.Globalization;

namespace ActionBot.Dashboard;

public enum DashboardState
{
    Open,
    Closed,
    All,
}

/// <summary>What the item list is ordered by; each has a natural direction (<see cref="DashboardFilter.Descending"/> reverses it).</summary>
public enum SortKey
{
    Due,
    Priority,
    Title,
    Owner,
    Postmortem,
    Updated,
}

/// <summary>
/// The page's state, read from its GET form and links: scope filters that every count, chart and table follows
/// (<c>q</c> search, <c>repo</c>, <c>owner</c>, <c>priority</c>) and list filters that only the item list follows
/// (<c>state</c>, <c>due</c> window, <c>sort</c>, <c>page</c>). <see cref="None"/> as owner or priority picks items
/// without one.
/// </summary>
public sealed record DashboardFilter(
    string? Search = null,
    string? Repository = null,
    string? Owner = null,
    string? Priority = null,
    DashboardState State = DashboardState.Open,
    DueWindow? Due = null,
    SortKey Sort = SortKey.Due,
    bool Descending = false,
    int Page = 1)
{
    /// <summary>The owner or priority value that means "none" (GitHub logins cannot contain <c>~</c>).</summary>
    public const string None = "~none";

    /// <summary>The page shows the samples' dry run although storage holds items (<c>?dryrun=1</c>).</summary>
    public bool DryRunAsked { get; init; }

    /// <summary>Every postmortem in the progress table, not only the first few.</summary>
    public bool AllPostmortems { get; init; }

    public static DashboardFilter From(IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var sort = Blank(query["sort"]) ?? "due";
        var descending = sort.StartsWith('-');
        return new DashboardFilter(
            Blank(query["q"]),
            Blank(query["repo"]),
            Blank(query["owner"])?.TrimStart('@'),
            Blank(query["priority"]),
            Blank(query["state"])?.ToUpperInvariant() switch
            {
                "CLOSED" => DashboardState.Closed,
                "ALL" => DashboardState.All,
                _ => DashboardState.Open,
            },
            Blank(query["due"])?.ToUpperInvariant() switch
            {
                "OVERDUE" => DueWindow.Overdue,
                "SOON" => DueWindow.Soon,
                "LATER" => DueWindow.Later,
                _ => null,
            },
            Enum.TryParse<SortKey>(sort.TrimStart('-'), ignoreCase: true, out var key) && !sort.TrimStart('-').Any(char.IsDigit) ? key : SortKey.Due,
            descending,
            int.TryParse(query["page"], NumberStyles.None, CultureInfo.InvariantCulture, out var page) && page > 0 ? page : 1)
        {
            DryRunAsked = query.ContainsKey(ActionItemSource.DryRunQuery),
            AllPostmortems = string.Equals(query["postmortems"], "all", StringComparison.OrdinalIgnoreCase),
        };
    }

    /// <summary>Scope: the counts, charts, tables and list all follow search, repository, owner and priority.</summary>
    public bool InScope(DashboardItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return (Repository is null || Same(item.Repository, Repository))
            && (Owner is null || (Owner == None ? item.Owners.Count == 0 : item.Owners.Any(o => Same(o, Owner))))
            && (Priority is null || (Priority == None ? item.Priority is null : item.Priority is not null && Same(item.Priority, Priority)))
            && (Search is null || Matches(item, Search));
    }

    /// <summary>State and due window: only the item list follows them.</summary>
    public bool Lists(DashboardItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var state = State switch
        {
            DashboardState.Open => item.Open,
            DashboardState.Closed => !item.Open,
            _ => true,
        };
        return state && (Due is null || item.Window == Due);
    }

    /// <summary>The query of this state (defaults left out), for links; <see cref="Html.PageHref"/> encodes it.</summary>
    public IEnumerable<(string Name, string? Value)> Parameters()
    {
        yield return ("q", Search);
        yield return ("repo", Repository);
        yield return ("owner", Owner);
        yield return ("priority", Priority);
        yield return ("state", State == DashboardState.Open ? null : State.ToString().ToLowerInvariant());
        yield return ("due", Due?.ToString().ToLowerInvariant());
        yield return ("sort", Sort == SortKey.Due && !Descending ? null : SortValue(Sort, Descending));
        yield return ("page", Page == 1 ? null : Page.ToString(CultureInfo.InvariantCulture));
        yield return ("postmortems", AllPostmortems ? "all" : null);
        yield return (ActionItemSource.DryRunQuery, DryRunAsked ? "1" : null);
    }

    public static string SortValue(SortKey key, bool descending) => (descending ? "-" : "") + key.ToString().ToLowerInvariant();

    private static bool Matches(DashboardItem item, string search) =>
        Contains(item.Title, search) || Contains(item.PostmortemTitle, search) || Contains(item.Path, search)
        || Contains(item.Repository, search) || item.Owners.Any(o => Contains(o, search))
        || (item.IssueNumber is { } number && search.TrimStart('#') == number.ToString(CultureInfo.InvariantCulture));

    private static bool Contains(string text, string part) => text.Contains(part, StringComparison.OrdinalIgnoreCase);

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
