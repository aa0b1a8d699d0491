using ActionBot.Core.Tracking;

namespace ActionBot.Core.Ports;

/// <summary>An item's place in creation order: its creation time, then its key (both fixed for its lifetime).</summary>
public sealed record ItemPosition(DateTimeOffset CreatedAt, string Key)
{
    public static ItemPosition Of(TrackedItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return new ItemPosition(item.CreatedAt, item.Key);
    }

    /// <summary>The order of <see cref="IActionItemStore.PageItemsAsync"/>: creation time, then key (ordinal).</summary>
    public int CompareTo(TrackedItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var byTime = CreatedAt.UtcDateTime.CompareTo(item.CreatedAt.UtcDateTime);
        return byTime != 0 ? byTime : string.CompareOrdinal(Key, item.Key);
    }
}

/// <summary>One page of items in creation order; <see cref="Next"/> is where the next page starts (null: this is the last).</summary>
public sealed record ItemPage(IReadOnlyList<TrackedItem> Items, ItemPosition? Next)
{
    /// <summary>
    /// A page taken from items held in memory, in the stores' order: <paramref name="limit"/> items after
    /// <paramref name="after"/> that <paramref name="query"/> matches.
    /// </summary>
    public static ItemPage Slice(IEnumerable<TrackedItem> items, ItemQuery query, ItemPosition? after, int limit)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var page = items
            .Where(i => query.Matches(i) && (after is null || after.CompareTo(i) < 0))
            .OrderBy(i => i.CreatedAt.UtcDateTime)
            .ThenBy(i => i.Key, StringComparer.Ordinal)
            .Take(limit + 1)
            .ToList();
        return Of(page, limit);
    }

    /// <summary>The page of <paramref name="fetched"/>, read in order with one item more than <paramref name="limit"/> when more remain.</summary>
    public static ItemPage Of(IReadOnlyList<TrackedItem> fetched, int limit)
    {
        ArgumentNullException.ThrowIfNull(fetched);
        return fetched.Count > limit
            ? new ItemPage(fetched.Take(limit).ToList(), ItemPosition.Of(fetched[limit - 1]))
            : new ItemPage(fetched, null);
    }
}
