using ActionBot.Core.Ports;
using ActionBot.Core.Reminders;
using ActionBot.Core.Tracking;

namespace ActionBot.Hosting;

/// <summary>
/// Fallback until the reminders module registers its own: an item is due on its stated date, else
/// <c>Reminders:DefaultDueDays</c> (30) after its postmortem's merge; dates are UTC.
/// </summary>
internal sealed class FallbackDueDateRule(IConfiguration configuration) : IDueDateRule
{
    private readonly int _defaultDueDays = configuration.GetValue("ActionBot:Reminders:DefaultDueDays", 30);

    public DateOnly DueDate(TrackedItem item, TrackedPostmortem? postmortem) =>
        item.Due ?? LocalDate((postmortem?.MergedAt ?? item.CreatedAt).AddDays(_defaultDueDays));

    public DateOnly LocalDate(DateTimeOffset instant) => DateOnly.FromDateTime(instant.UtcDateTime);
}

/// <summary>Fallback digest until the reminders module registers its own: every open item by postmortem, overdue first.</summary>
internal sealed class FallbackDigestComposer(IActionItemStore store, IDueDateRule dueDates) : IDigestComposer
{
    public async Task<WeeklyDigest> ComposeAsync(string? channelId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var today = dueDates.LocalDate(now);
        var postmortems = (await store.ListPostmortemsAsync(null, cancellationToken)).ToDictionary(p => (p.Repository, p.Path));
        var all = await store.QueryItemsAsync(new ItemQuery(ItemStateFilter.All), cancellationToken);
        var groups = all.Where(i => i.State == ItemState.Open && !i.Removed && postmortems.ContainsKey((i.Repository, i.Path)))
            .GroupBy(i => (i.Repository, i.Path))
            .Select(g =>
            {
                var postmortem = postmortems[g.Key];
                var entries = g.Select(i => new DigestEntry(i, dueDates.DueDate(i, postmortem), dueDates.DueDate(i, postmortem) < today))
                    .OrderByDescending(e => e.Overdue).ThenBy(e => e.Due).ToList();
                return new DigestGroup(postmortem, entries);
            })
            .OrderByDescending(g => g.Items.Any(e => e.Overdue)).ThenByDescending(g => g.Postmortem.MergedAt)
            .ToList();
        var closed = all.Where(i => i.ClosedAt is { } at && at > now.AddDays(-7)).ToList();
        var rate = all.Count == 0 ? 0 : (double)all.Count(i => i.State == ItemState.Closed) / all.Count;
        return new WeeklyDigest($"digest:{channelId}:{today:yyyy-MM-dd}", channelId, today, groups, closed, rate, null);
    }
}

/// <summary>Fallback channel directory: every repository speaks in <c>Discord:DefaultChannelId</c>.</summary>
internal sealed class FallbackChannelDirectory(IConfiguration configuration) : IChannelDirectory
{
    private readonly string? _defaultChannel = configuration["ActionBot:Discord:DefaultChannelId"];

    public string? ChannelFor(string repository) => _defaultChannel;

    public IReadOnlyList<ChannelScope> Channels => _defaultChannel is null ? [] : [new ChannelScope(_defaultChannel, [])];
}
