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
}
