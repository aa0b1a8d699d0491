using System.Globalization;

namespace ActionBot.Dashboard;

/// <summary>Priorities in the order a lead reads them: P0, P1, P2 ... then any other label, then none.</summary>
internal static class PriorityOrder
{
    public static readonly IComparer<string?> Comparer = Comparer<string?>.Create(Compare);

    public static int Compare(string? a, string? b)
    {
        var byRank = Rank(a).CompareTo(Rank(b));
        return byRank != 0 ? byRank : string.Compare(a, b, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The level of <c>P0</c>, <c>P1</c>...; other labels after every level, none last.</summary>
    public static int Rank(string? priority) =>
        priority is null ? int.MaxValue
        : priority.Length > 1 && (priority[0] is 'P' or 'p') && int.TryParse(priority.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var level) ? level
        : int.MaxValue - 1;
}
