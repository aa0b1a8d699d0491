using ActionBot.Core.Reminders;
using ActionBot.Core.Tracking;

namespace ActionBot.Core.Tests.Reminders;

public sealed class DueDateRuleTests
{
    private static readonly DateTimeOffset Merged = new(2025, 3, 3, 15, 0, 0, TimeSpan.Zero);
    private static readonly DueDateRule Rule = new(ReminderSettings.Default());

    [Theory]
    [InlineData("P0", "2025-03-17")]
    [InlineData("P1", "2025-03-17")]
    [InlineData("p2", "2025-04-02")]
    [InlineData("P3", "2025-04-02")]
    [InlineData(null, "2025-04-02")]
    public void Item_without_a_due_date_is_due_days_after_the_merge_by_priority(string? priority, string expected)
    {
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), Rule.DueDate(null, priority, Merged));
    }

    [Fact]
    public void A_stated_due_date_wins()
    {
        Assert.Equal(new DateOnly(2025, 5, 1), Rule.DueDate(new DateOnly(2025, 5, 1), "P0", Merged));
    }

    [Fact]
    public void Configured_days_replace_the_defaults()
    {
        var rule = new DueDateRule(ReminderSettings.Default() with { DefaultDueDays = 10, DueDaysByPriority = new Dictionary<string, int> { ["P0"] = 2 } });

        Assert.Equal((new DateOnly(2025, 3, 5), new DateOnly(2025, 3, 13)), (rule.DueDate(null, "P0", Merged), rule.DueDate(null, "P1", Merged)));
    }

    [Fact]
    public void The_merge_date_is_the_local_date_of_the_time_zone()
    {
        var rule = new DueDateRule(ReminderPolicyTests.Settings("Asia/Tokyo", "Mon-Fri", "09:00-18:00"));

        Assert.Equal(new DateOnly(2025, 3, 18), rule.DueDate(null, "P1", Merged)); // 00:00 on 4 March in Tokyo
    }

    [Fact]
    public void Without_a_postmortem_the_item_creation_counts_as_the_merge()
    {
        var item = new TrackedItem
        {
            Key = "k", Repository = "acme/ops", Path = "p.md", IssueRepository = "acme/ops", ItemId = "i", Title = "t", Section = "s",
            Priority = "P2", CreatedAt = Merged,
        };

        Assert.Equal(new DateOnly(2025, 4, 2), Rule.DueDate(item, null));
    }

    [Fact]
    public void A_backfilled_item_counts_from_its_postmortems_own_date_not_the_commit_that_last_changed_it()
    {
        var backfilled = Item() with { BackfilledAt = new DateTimeOffset(2024, 1, 10, 9, 0, 0, TimeSpan.Zero) };
        var postmortem = Postmortem(mergedAt: new DateTimeOffset(2024, 1, 2, 9, 0, 0, TimeSpan.Zero), dated: new DateOnly(2023, 12, 20));

        // 20 December + 30 days (P2) = 19 January: still ahead on the day of the backfill.
        Assert.Equal(new DateOnly(2024, 1, 19), Rule.DueDate(backfilled, postmortem));
        Assert.Equal(new DateOnly(2024, 2, 1), Rule.DueDate(backfilled, postmortem with { Date = null }));
    }

    [Fact]
    public void A_backfilled_item_long_past_due_is_due_the_grace_days_after_the_backfill_and_only_when_backfilled()
    {
        var backfill = new DateTimeOffset(2025, 6, 2, 8, 0, 0, TimeSpan.Zero);
        var old = Item() with { Due = new DateOnly(2023, 3, 1) };
        var postmortem = Postmortem(mergedAt: new DateTimeOffset(2023, 2, 1, 9, 0, 0, TimeSpan.Zero), dated: new DateOnly(2023, 2, 1));

        Assert.Equal(new DateOnly(2025, 6, 16), Rule.DueDate(old with { BackfilledAt = backfill }, postmortem));
        Assert.Equal(new DateOnly(2023, 3, 1), Rule.DueDate(old, postmortem));
        var keepDates = new DueDateRule(ReminderSettings.Default() with { BackfillGraceDays = 0 });
        Assert.Equal(new DateOnly(2023, 3, 1), keepDates.DueDate(old with { BackfilledAt = backfill }, postmortem));
    }

    private static TrackedItem Item() => new()
    {
        Key = "k", Repository = "acme/ops", Path = "p.md", IssueRepository = "acme/ops", ItemId = "i", Title = "t", Section = "s",
        Priority = "P2", CreatedAt = Merged,
    };

    private static TrackedPostmortem Postmortem(DateTimeOffset mergedAt, DateOnly? dated) => new()
    {
        Repository = "acme/ops", Path = "p.md", IssueRepository = "acme/ops", CommitSha = "abc", MergedAt = mergedAt, Date = dated,
    };
}
