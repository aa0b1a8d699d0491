using System.Globalization;
using ActionBot.Core.Ports;
using ActionBot.Core.Tracking;

namespace ActionBot.Core.Reminders;

/// <summary>
/// The weekly digest of a channel (of every repository when the channel is null): open items by postmortem, groups
/// with overdue items first; items closed in the last seven days; and the completion rate (closed / all items)
/// now and as it stood a week ago, both from the items' creation and close times.
/// </summary>
public sealed class WeeklyDigestComposer(IActionItemStore store, IChannelDirectory channels, DueDateRule dueDates) : IDigestComposer
{
    private static readonly TimeSpan Week = TimeSpan.FromDays(7);

    public async Task<WeeklyDigest> ComposeAsync(string? channelId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var repositories = channelId is null ? null : channels.Channels.FirstOrDefault(c => c.ChannelId == channelId)?.Repositories;
        bool Covered(string repository) => repositories is null || repositories.Contains(repository, StringComparer.OrdinalIgnoreCase);

        var postmortems = (await store.ListPostmortemsAsync(null, cancellationToken).ConfigureAwait(false))
            .Where(p => Covered(p.Repository))
            .ToDictionary(p => (p.Repository, p.Path));
        var items = (await store.QueryItemsAsync(new ItemQuery(ItemStateFilter.All), cancellationToken).ConfigureAwait(false))
            .Where(i => !i.Removed && postmortems.ContainsKey((i.Repository, i.Path)))
            .ToList();

        var today = dueDates.LocalDate(now);
        var open = items.Where(i => i.State == ItemState.Open)
            .Select(i => (Postmortem: postmortems[(i.Repository, i.Path)], Entry: Entry(i, postmortems[(i.Repository, i.Path)], today)))
            .GroupBy(x => x.Postmortem)
            .Select(g => new DigestGroup(g.Key, [.. g.Select(x => x.Entry).OrderByDescending(e => e.Overdue).ThenBy(e => e.Due).ThenBy(e => e.Item.Line)]))
            .OrderByDescending(g => g.Items.Any(e => e.Overdue))
            .ThenByDescending(g => g.Postmortem.MergedAt)
            .ThenBy(g => g.Postmortem.Path, StringComparer.Ordinal)
            .ToList();
        var weekAgo = now - Week;
        var closedThisWeek = items.Where(i => i.State == ItemState.Closed && i.ClosedAt > weekAgo && i.ClosedAt <= now)
            .OrderBy(i => i.ClosedAt).ToList();

        var weekStart = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        var key = string.Create(CultureInfo.InvariantCulture, $"digest:{channelId ?? "all"}:{weekStart:yyyy-MM-dd}");
        return new WeeklyDigest(key, channelId, weekStart, open, closedThisWeek, CompletionRate(items, now) ?? 0, CompletionRate(items, weekAgo));
    }

    private DigestEntry Entry(TrackedItem item, TrackedPostmortem postmortem, DateOnly today)
    {
        var due = dueDates.DueDate(item, postmortem);
        return new DigestEntry(item, due, due < today);
    }

    // As the items stood at 'at': those created by then, closed if their close came by then. Null when there were none.
    private static double? CompletionRate(List<TrackedItem> items, DateTimeOffset at)
    {
        var existing = items.Where(i => i.CreatedAt <= at).ToList();
        if (existing.Count == 0)
        {
            return null;
        }

        var closed = existing.Count(i => i.State == ItemState.Closed && i.ClosedAt <= at);
        return (double)closed / existing.Count;
    }
}
