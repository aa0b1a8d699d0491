namespace ActionBot.Dashboard;

/// <summary>The orders of the item list. Every order ends on due date, priority, title and key, so pages never shift.</summary>
internal static class ItemSorting
{
    /// <summary>Whether a column reads best newest or largest first when it is first picked (only "updated" does).</summary>
    public static bool StartsDescending(SortKey key) => key == SortKey.Updated;

    public static List<DashboardItem> Sort(IEnumerable<DashboardItem> items, SortKey key, bool descending)
    {
        // Sort keys are computed once an item (LINQ's sorter caches them), so the priority's rank is not parsed a comparison.
        var ordered = key switch
        {
            SortKey.Priority => By(items, i => PriorityOrder.Rank(i.Priority), Comparer<int>.Default, descending),
            SortKey.Title => By(items, i => i.Title, StringComparer.OrdinalIgnoreCase, descending),
            SortKey.Owner => By(items, i => i.Owners.Count == 0 ? null : i.Owners[0], OwnersLast, descending),
            SortKey.Postmortem => By(items, i => i.PostmortemTitle, StringComparer.OrdinalIgnoreCase, descending),
            SortKey.Updated => By(items, i => i.UpdatedAt, Comparer<DateTimeOffset>.Default, descending),
            _ => By(items, i => i.DaysLeft, Comparer<int>.Default, descending),
        };
        return ordered
            .ThenBy(i => i.DaysLeft)
            .ThenBy(i => PriorityOrder.Rank(i.Priority))
            .ThenBy(i => i.Priority ?? "", StringComparer.OrdinalIgnoreCase)
            .ThenBy(i => i.Title, StringComparer.OrdinalIgnoreCase)
            .ThenBy(i => i.Key, StringComparer.Ordinal)
            .ToList();
    }

    // Items nobody owns come after every owner (before them, read backwards).
    private static readonly IComparer<string?> OwnersLast = Comparer<string?>.Create((a, b) =>
        a is null ? (b is null ? 0 : 1) : b is null ? -1 : StringComparer.OrdinalIgnoreCase.Compare(a, b));

    private static IOrderedEnumerable<DashboardItem> By<T>(IEnumerable<DashboardItem> items, Func<DashboardItem, T> key, IComparer<T> comparer, bool descending) =>
        descending ? items.OrderByDescending(key, comparer) : items.OrderBy(key, comparer);
}
