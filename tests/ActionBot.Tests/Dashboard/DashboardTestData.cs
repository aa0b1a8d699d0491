using ActionBot.Core.Reminders;
using ActionBot.Core.Tracking;
using ActionBot.Dashboard;
using ActionBot.Testing;

namespace ActionBot.Tests.Dashboard;

/// <summary>Tracked postmortems and items around a fixed today (Monday 2 June 2025, UTC), and the builder the page uses.</summary>
internal static class DashboardTestData
{
    public static readonly DateOnly Today = new(2025, 6, 2);
    public static readonly DateTimeOffset Now = new(2025, 6, 2, 10, 0, 0, TimeSpan.Zero);

    public static DashboardModelBuilder Builder() => new(DueDates());

    public static ItemDueDates DueDates() => new(new FakeTimeProvider(Now), new DueDateRule(ReminderSettings.Default()));

    public static DashboardModel Build(IEnumerable<TrackedItem> items, DashboardFilter? filter = null, params TrackedPostmortem[] postmortems) =>
        Builder().Build(DashboardData.Of(postmortems.Length == 0 ? [Postmortem("p.md", 40)] : postmortems, items), filter ?? new DashboardFilter(), dryRun: false);

    /// <summary>A postmortem of <c>acme/ops</c> merged <paramref name="daysAgo"/> days before today, at noon.</summary>
    public static TrackedPostmortem Postmortem(string path, int daysAgo, string repository = "acme/ops") => new()
    {
        Repository = repository, Path = path, IssueRepository = repository, CommitSha = "abc", Title = $"Outage {path}",
        MergedAt = At(-daysAgo), FileUrl = $"https://github.com/{repository}/blob/abc/{path}",
    };

    /// <summary>An open item of <paramref name="path"/>, due <paramref name="dueIn"/> days from today (null: by the policy).</summary>
    public static TrackedItem Item(string key, int? dueIn = null, string path = "p.md", string? priority = "P2", string repository = "acme/ops", params string[] owners) => new()
    {
        Key = key, Repository = repository, Path = path, IssueRepository = repository, ItemId = key, Title = $"Task {key}", Section = "Action items",
        Owners = owners, Due = dueIn is { } days ? Today.AddDays(days) : null, Priority = priority, CreatedAt = At(-40), UpdatedAt = At(-40),
    };

    /// <summary><paramref name="item"/> closed <paramref name="daysAgo"/> days before today.</summary>
    public static TrackedItem Closed(TrackedItem item, int daysAgo) => item with { State = ItemState.Closed, ClosedAt = At(-daysAgo), UpdatedAt = At(-daysAgo) };

    public static DateTimeOffset At(int days) => new(Today.AddDays(days).ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);
}
