using ActionBot.Core.Extraction;
using ActionBot.Core.Tracking;
using ActionBot.Dashboard;
using static ActionBot.Tests.Dashboard.DashboardTestData;

namespace ActionBot.Tests.Dashboard;

/// <summary>The bundled samples as the dry run tracks them: dated from today, so a newcomer sees a realistic mix.</summary>
public sealed class SampleDryRunTests
{
    private static readonly SampleDryRun Samples = new(new ActionItemExtractor());

    [Fact]
    public void The_newest_sample_merged_six_days_ago_and_the_others_keep_their_distance_and_due_dates()
    {
        var set = Samples.Read(Today);

        var merged = set.Postmortems.ToDictionary(p => p.Path, p => DateOnly.FromDateTime(p.MergedAt.UtcDateTime));
        Assert.Equal(Today.AddDays(-SampleDryRun.NewestMergedDaysAgo), merged["2025-02-20-dns-resolver-exhaustion.md"]);
        Assert.Equal(Today.AddDays(-6 - 34), merged["2025-01-17-checkout-flag-push.md"]);
        Assert.Equal(Today.AddDays(-6 - 107), merged["2024-11-05-certificate-expiry.md"]);

        // "Enforce a per-client query rate limit", due 2025-03-03 in a postmortem of 2025-02-20: 11 days after the merge.
        var limit = set.Items.Single(i => i.Title.StartsWith("Enforce a per-client", StringComparison.Ordinal));
        Assert.Equal(Today.AddDays(-6 + 11), limit.Due);
        Assert.All(set.Items, i => Assert.Equal(set.Postmortems.Single(p => p.Path == i.Path).MergedAt, i.CreatedAt));
    }

    [Fact]
    public void A_newcomer_sees_items_done_due_this_week_overdue_and_unowned_and_a_trend_that_moves()
    {
        var samples = Samples.Read(Today);
        var model = Builder().Build(DashboardData.Of(samples.Postmortems, samples.Items), new DashboardFilter(), dryRun: true);

        Assert.True(model.Totals.Closed >= 2, $"done: {model.Totals.Closed}");
        Assert.True(model.Totals.DueSoon >= 2, $"due this week: {model.Totals.DueSoon}");
        Assert.True(model.Totals.Overdue >= 2 && model.Totals.Overdue < model.Totals.Open / 2 + 1, $"overdue: {model.Totals.Overdue} of {model.Totals.Open}");
        Assert.True(model.Totals.Unowned >= 1, $"unowned: {model.Totals.Unowned}");
        Assert.NotEmpty(model.CloseTimes);
        Assert.True(model.Trend.Select(w => w.OpenAtEnd).Distinct().Count() > 2, "the open count moves over the 12 weeks");
        Assert.True(model.Trend.Sum(w => w.Closed) >= 2, "items close within the 12 weeks");
    }

    [Theory]
    [InlineData("2025-02-20")]
    [InlineData("2026-12-02")]
    [InlineData("2031-07-15")]
    public void Every_day_gives_the_same_mix_and_nothing_closes_after_today(string day)
    {
        var today = DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture);

        var set = Samples.Read(today);
        var reference = Samples.Read(Today);

        Assert.All(set.Items, i => Assert.True(i.ClosedAt is null || DateOnly.FromDateTime(i.ClosedAt.Value.UtcDateTime) <= today));
        Assert.Equal(
            reference.Items.Select(i => (i.Key, i.State, i.Due?.DayNumber - Today.DayNumber)),
            set.Items.Select(i => (i.Key, i.State, i.Due?.DayNumber - today.DayNumber)));
        Assert.Contains(set.Items, i => i.State == ItemState.Closed);
    }
}
