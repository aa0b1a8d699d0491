using ActionBot.Dashboard;
using static ActionBot.Tests.Dashboard.DashboardTestData;

namespace ActionBot.Tests.Dashboard;

/// <summary>What the page shows, from tracked items: due windows, summaries, the trend, time to close, filters, sort and pages.</summary>
public sealed class DashboardModelBuilderTests
{
    private static readonly int[] CloseDays = [2, 4, 6, 8, 30];

    [Fact]
    public void Open_items_fall_overdue_due_this_week_or_later_and_this_week_is_today_and_the_six_days_after()
    {
        var model = Build([Item("late", -1), Item("today", 0), Item("sunday", 6), Item("next-monday", 7), Closed(Item("done", -3), 5)]);

        Assert.Equal(new DashboardTotals(Open: 4, Overdue: 1, DueSoon: 2, Unowned: 4, Closed: 1, Postmortems: 1), model.Totals);
        var windows = model.List.Items.ToDictionary(i => i.Key, i => i.Window);
        Assert.Equal(DueWindow.Overdue, windows["late"]);
        Assert.Equal(DueWindow.Soon, windows["today"]);
        Assert.Equal(DueWindow.Soon, windows["sunday"]);
        Assert.Equal(DueWindow.Later, windows["next-monday"]);
    }

    [Fact]
    public void An_item_that_states_no_due_date_falls_due_by_its_prioritys_policy_from_the_merge()
    {
        // Merged 20 days ago: P1 is due after 14 days (6 days late), P2 after 30 (10 days left), no priority after 30.
        var model = Build([Item("p1", priority: "P1"), Item("p2", priority: "P2"), Item("none", priority: null)], null, Postmortem("p.md", 20));

        var days = model.List.Items.ToDictionary(i => i.Key, i => i.DaysLeft);
        Assert.Equal(-6, days["p1"]);
        Assert.Equal(10, days["p2"]);
        Assert.Equal(10, days["none"]);
    }

    [Fact]
    public void Counts_by_priority_read_P0_first_and_none_last_and_unowned_work_is_called_out()
    {
        var model = Build(
        [
            Item("a", -2, priority: "P2", owners: "ana"), Item("b", 3, priority: "P0"), Item("c", 30, priority: null, owners: "bo"),
            Item("d", -9, priority: "p0", owners: "Ana"), Closed(Item("e", 1, priority: "P1", owners: "ana"), 2),
        ]);

        Assert.Equal(
            [new PriorityCounts("P0", 1, 1, 0, 0), new PriorityCounts("P1", 0, 0, 0, 1), new PriorityCounts("P2", 1, 0, 0, 0), new PriorityCounts(null, 0, 0, 1, 0)],
            model.Priorities);
        Assert.Equal([new OwnerLoad("ana", 2, 2, 0), new OwnerLoad(null, 1, 0, 1), new OwnerLoad("bo", 1, 0, 0)], model.Owners);
        Assert.Equal(1, model.Totals.Unowned);
    }

    [Fact]
    public void Each_postmortem_shows_n_of_m_done_with_stuck_ones_first()
    {
        var model = Build(
            [
                Closed(Item("a1", 5, path: "a.md"), 1), Item("a2", 5, path: "a.md"),
                Item("b1", -3, path: "b.md"), Closed(Item("b2", 5, path: "b.md"), 1), Closed(Item("b3", 5, path: "b.md"), 1),
                Closed(Item("c1", 5, path: "c.md"), 1),
            ],
            null,
            Postmortem("a.md", 10), Postmortem("b.md", 30), Postmortem("c.md", 5));

        Assert.Equal(["b.md", "a.md", "c.md"], model.Postmortems.Select(p => p.Path));
        Assert.Equal((2, 3, 1, 66), (model.Postmortems[0].Done, model.Postmortems[0].Total, model.Postmortems[0].Overdue, model.Postmortems[0].Percent));
        Assert.Equal("https://github.com/acme/ops/blob/abc/b.md", model.Postmortems[0].Url);
        Assert.All(model.Postmortems, p => Assert.Null(p.TrackingIssueUrl));
    }

    [Fact]
    public void The_trend_counts_each_weeks_opened_and_closed_items_and_those_open_at_its_end()
    {
        // Merged 40 days ago (week 6 of 12, counting back from this week); closes 20 and 2 days ago.
        var model = Build([Item("a", 5), Closed(Item("b", 5), 20), Closed(Item("c", 5), 2), Item("d", 5)], null, Postmortem("p.md", 40));

        Assert.Equal(12, model.Trend.Count);
        Assert.Equal(Today.AddDays(-83), model.Trend[0].Start);
        Assert.Equal(Today.AddDays(-6), model.Trend[^1].Start);
        Assert.Equal([0, 0, 0, 0, 0, 0, 4, 0, 0, 0, 0, 0], model.Trend.Select(w => w.Opened));
        Assert.Equal([0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 1], model.Trend.Select(w => w.Closed));
        Assert.Equal([0, 0, 0, 0, 0, 0, 4, 4, 4, 3, 3, 2], model.Trend.Select(w => w.OpenAtEnd));
    }

    [Fact]
    public void Time_to_close_is_the_median_and_p90_by_priority_against_the_policy()
    {
        // P1 merged 40 days ago closes after 2, 4, 6, 8 and 30 days: due by the policy after 14, so one was late.
        // An item done when its postmortem merged says nothing about speed and is left out.
        var p1 = CloseDays.Select((days, i) => Closed(Item($"p1-{i}", priority: "P1"), 40 - days));
        var model = Build([.. p1, Closed(Item("p2", priority: "P2"), 30), Item("done-at-merge", priority: "P2") with { State = Core.Tracking.ItemState.Closed, ClosedAt = At(-40) }]);

        var close = Assert.Single(model.CloseTimes, c => c.Priority == "P1");
        Assert.Equal((5, 6.0, 21.2, 14, 4), (close.Count, close.MedianDays, Math.Round(close.P90Days, 1), close.PolicyDays, close.OnTime));
        Assert.Equal(new CloseTime("P2", 1, 10, 10, 30, 1), model.CloseTimes.Single(c => c.Priority == "P2"));
    }

    [Fact]
    public void Scope_filters_shape_everything_and_list_filters_only_the_list()
    {
        var items = new[]
        {
            Item("a", -2, priority: "P1", owners: "ana"), Item("b", 2, priority: "P1", owners: "ana"), Item("c", 2, priority: "P2", owners: "ana"),
            Item("d", -2, priority: "P1", owners: "bo"), Closed(Item("e", -2, priority: "P1", owners: "ana"), 1), Item("f", 2, priority: "P1", repository: "acme/web", owners: "ana"),
        };

        var model = Build(items, new DashboardFilter(Search: "TASK", Repository: "ACME/OPS", Owner: "Ana", Priority: "p1", Due: DueWindow.Soon));

        Assert.Equal(["b"], model.List.Items.Select(i => i.Key));
        Assert.Equal(new DashboardTotals(2, 1, 1, 0, 1, 1), model.Totals);
        Assert.Equal(["acme/ops", "acme/web"], model.Choices.Repositories);
        Assert.Equal(["b"], Build(items, new DashboardFilter(Search: "task b")).List.Items.Select(i => i.Key));
        Assert.Equal(["e"], Build(items, new DashboardFilter(State: DashboardState.Closed)).List.Items.Select(i => i.Key));
        Assert.Empty(Build(items, new DashboardFilter(Owner: DashboardFilter.None)).List.Items);
    }

    [Fact]
    public void The_list_sorts_by_any_column_and_pages_in_steps_of_25_without_gaps()
    {
        var items = Enumerable.Range(0, 60).Select(i => Item($"k{i:00}", i - 30, priority: $"P{i % 4}", owners: $"owner{i % 7}")).ToList();

        var pages = Enumerable.Range(1, 3).Select(p => Build(items, new DashboardFilter(Page: p)).List).ToList();
        var byPriority = Build(items, new DashboardFilter(Sort: SortKey.Priority, Descending: true)).List.Items;
        var beyond = Build(items, new DashboardFilter(Page: 9)).List;

        Assert.Equal(items.Select(i => i.Key), pages.SelectMany(p => p.Items).Select(i => i.Key));
        Assert.Equal((60, 3, 51, 10), (pages[2].Matching, pages[2].Pages, pages[2].First, pages[2].Items.Count));
        Assert.Equal([.. Enumerable.Repeat("P3", 15), .. Enumerable.Repeat("P2", 10)], byPriority.Select(i => i.Priority));
        Assert.Equal("k03", byPriority[0].Key);
        Assert.Equal(3, beyond.Page);
    }

    [Fact]
    public void Items_removed_from_their_postmortem_are_not_shown()
    {
        var model = Build([Item("kept", 3), Item("gone", 3) with { Removed = true }]);

        Assert.Equal(["kept"], model.List.Items.Select(i => i.Key));
        Assert.Equal(1, model.Totals.All);
    }
}
