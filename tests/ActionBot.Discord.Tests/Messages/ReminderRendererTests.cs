using ActionBot.Core.Reminders;
using ActionBot.Discord.Messages;

namespace ActionBot.Discord.Tests.Messages;

public sealed class ReminderRendererTests
{
    private static readonly DateOnly Due = new(2025, 3, 10);

    private static ReminderMessage Reminder(string? login, params DueItem[] items) =>
        new("reminder:key", new ReminderRecipient(null, login, "900"), items);

    [Fact]
    public void A_direct_reminder_lists_each_item_with_when_it_is_due()
    {
        var reminder = Reminder(
            "alice",
            new DueItem(SampleItems.Item("Before", issue: 1), Due, ReminderKind.BeforeDue, 0),
            new DueItem(SampleItems.Item("Today", issue: null), Due, ReminderKind.OnDue, 0),
            new DueItem(SampleItems.Item("Late", issue: 3), Due, ReminderKind.Overdue, 1),
            new DueItem(SampleItems.Item("Later", issue: 4), Due, ReminderKind.Overdue, 5));

        var message = ReminderRenderer.Render(reminder, direct: true);

        Assert.Equal(
            ["**Reminder:** 4 action items of yours need attention.\n"
             + "• Before — due 2025-03-10 — [#1](<https://github.com/acme/services/issues/1>)\n"
             + "• Today — due today — no issue yet\n"
             + "• Late — overdue by 1 day (due 2025-03-10) — [#3](<https://github.com/acme/services/issues/3>)\n"
             + "• Later — overdue by 5 days (due 2025-03-10) — [#4](<https://github.com/acme/services/issues/4>)"],
            message.Pages);
        Assert.Same(ActionBot.Discord.Api.AllowedMentions.None, message.Mentions);
    }

    [Fact]
    public void A_channel_reminder_names_the_login_as_escaped_text_and_pings_nobody()
    {
        var reminder = Reminder("@everyone_x", new DueItem(SampleItems.Item("One <@&1>"), Due, ReminderKind.OnDue, 0));

        var message = ReminderRenderer.Render(reminder, direct: false);

        var page = Assert.Single(message.Pages);
        Assert.StartsWith("**Reminder for @\u200Beveryone\\_x:** 1 action item needs attention.\n", page, StringComparison.Ordinal);
        Assert.Contains("One \\<@&1\\>", page, StringComparison.Ordinal);
        Assert.Empty(message.Mentions.Users);
        Assert.Empty(message.Mentions.Parse);
    }

    [Fact]
    public void A_channel_reminder_without_a_login_names_someone()
    {
        var page = Assert.Single(ReminderRenderer.Render(Reminder(null, new DueItem(SampleItems.Item("One"), Due, ReminderKind.OnDue, 0)), direct: false).Pages);

        Assert.StartsWith("**Reminder for someone:**", page, StringComparison.Ordinal);
    }

    [Fact]
    public void An_escalation_pings_only_the_linked_owners_of_the_item()
    {
        var item = SampleItems.Item("Fix @here", ["alice", "bob"], issue: 9);
        var escalation = new EscalationMessage("escalation:key", "900", new DueItem(item, Due, ReminderKind.Overdue, 14), 3);
        var mentions = new Dictionary<string, string> { ["alice"] = "111111111111111111", ["carol"] = "333333333333333333" };

        var message = ReminderRenderer.RenderEscalation(escalation, mentions);

        Assert.Equal(["111111111111111111"], message.Mentions.Users);
        Assert.Equal(
            ["**Overdue for 14 days** after 3 reminders:\n"
             + "• Fix @\u200Bhere — <@111111111111111111>, bob — was due 2025-03-10 — [#9](<https://github.com/acme/services/issues/9>)"],
            message.Pages);
    }

    [Fact]
    public void An_escalation_after_one_day_and_one_reminder_is_singular()
    {
        var escalation = new EscalationMessage("k", null, new DueItem(SampleItems.Item("Fix"), Due, ReminderKind.Overdue, 1), 1);

        var page = Assert.Single(ReminderRenderer.RenderEscalation(escalation, new Dictionary<string, string>()).Pages);

        Assert.StartsWith("**Overdue for 1 day** after 1 reminder:", page, StringComparison.Ordinal);
    }

    [Fact]
    public void A_reminder_of_many_long_items_stays_within_message_limits()
    {
        var items = Enumerable.Range(1, 200)
            .Select(i => new DueItem(SampleItems.Item($"Item {i} " + string.Join(' ', Enumerable.Repeat("word", 100)), issue: i), Due, ReminderKind.OnDue, 0))
            .ToArray();

        var message = ReminderRenderer.Render(Reminder("alice", items), direct: true);

        Assert.InRange(message.Pages.Count, 2, 10);
        Assert.All(message.Pages, p => Assert.InRange(p.Length, 1, MessageSplitter.MaxContentLength));
    }
}
