using ActionBot.Core.Observability;
using ActionBot.Core.Ports;
using ActionBot.Core.Reminders;
using ActionBot.Core.Tests.Tracking;
using ActionBot.Core.Tracking;
using ActionBot.Testing;

namespace ActionBot.Core.Tests.Reminders;

public sealed class ReminderSweepTests : IDisposable
{
    private static readonly DateOnly Friday = new(2025, 3, 14);
    private static readonly DateTimeOffset BeforeDue = new(2025, 3, 12, 9, 0, 0, TimeSpan.Zero);
    private static readonly CancellationToken None = CancellationToken.None;

    private readonly InMemoryLedger _ledger = new();
    private readonly RecordingReminderChat _chat = new();
    private readonly InMemoryTracker _tracker = new();
    private readonly MetricsRecorder _metrics = new();

    public void Dispose() => _metrics.Dispose();

    [Fact]
    public async Task Each_person_gets_one_message_listing_all_of_their_due_items()
    {
        Add(Items.Open("a", Friday, "alice"), Items.Open("b", Friday, "alice", "bob"), Items.Open("c", Friday.AddDays(20), "alice"));

        var report = await Sweep().RunAsync(BeforeDue, None);

        Assert.Equal((2, 2), (report.Messages, report.ItemsReminded));
        var alice = Assert.Single(_chat.Reminders, r => r.Recipient.GitHubLogin == "alice");
        Assert.Equal(["a", "b"], alice.Items.Select(i => i.Item.ItemId));
        Assert.All(alice.Items, i => Assert.Equal(ReminderKind.BeforeDue, i.Kind));
        Assert.Equal(["b"], Assert.Single(_chat.Reminders, r => r.Recipient.GitHubLogin == "bob").Items.Select(i => i.Item.ItemId));
    }

    [Fact]
    public async Task Linked_owner_gets_a_direct_message_and_an_unlinked_one_is_named_in_the_repository_channel()
    {
        Add(Items.Open("a", Friday, "alice", "bob"));

        await Sweep(new FixedAccountLinks(("Bob", "discord-bob"))).RunAsync(BeforeDue, None);

        Assert.Contains(new ReminderRecipient("discord-bob", "bob", null), _chat.Reminders.Select(r => r.Recipient));
        Assert.Contains(new ReminderRecipient(null, "alice", "chan-ops"), _chat.Reminders.Select(r => r.Recipient));
    }

    [Fact]
    public async Task Item_without_an_owner_reminds_the_author_of_the_postmortems_pull_request()
    {
        Add(Items.Open("a", Friday));

        await Sweep().RunAsync(BeforeDue, None);

        Assert.Equal(new ReminderRecipient(null, "pr-author", "chan-ops"), Assert.Single(_chat.Reminders).Recipient);
    }

    [Fact]
    public async Task A_second_sweep_sends_nothing_and_a_repeated_message_has_the_same_key()
    {
        Add(Items.Open("a", Friday, "alice"), Items.Open("b", Friday, "alice"));
        var sweep = Sweep();
        await sweep.RunAsync(BeforeDue, None);

        var again = await sweep.RunAsync(BeforeDue.AddMinutes(5), None);
        var key = ReminderKeys.Message("channel:chan-ops:alice", [("key-b", "before@2025-03-14"), ("key-a", "before@2025-03-14")]);

        Assert.Equal(0, again.Messages);
        Assert.Equal(key, Assert.Single(_chat.Reminders).Key);
    }

    [Fact]
    public async Task Overdue_reminders_comment_on_the_issue_once_per_repeat_and_escalate_once()
    {
        var item = Items.Open("a", Friday, "alice");
        Add(item);
        var sweep = Sweep();

        foreach (var day in new[] { 14, 17, 17, 20, 24, 24, 26 })
        {
            await sweep.RunAsync(new DateTimeOffset(2025, 3, day, 10, 0, 0, TimeSpan.Zero), None);
        }

        // Due on the 14th; overdue on the 17th, 20th, 24th (the 23rd is a Sunday) and 26th; repeated sweeps add nothing.
        Assert.Equal([0, 3, 6, 10, 12], _chat.Reminders.Select(r => Assert.Single(r.Items).DaysOverdue));
        Assert.Equal(5, _chat.Reminders.Select(r => r.Key).Distinct().Count());
        Assert.Equal(4, _tracker.Comments.Count);
        Assert.All(_tracker.Comments, c => Assert.Equal(item.IssueNumber, c.Number));
        Assert.Equal(4, _tracker.Comments.Select(c => c.Body).Distinct().Count());
        Assert.Contains("<!-- actionbot:reminder=key-a:overdue1@2025-03-14 -->", _tracker.Comments[0].Body, StringComparison.Ordinal);
        var escalation = Assert.Single(_chat.Escalations);
        Assert.Equal(("escalate:key-a", "chan-ops", 3), (escalation.Key, escalation.ChannelId, escalation.OverdueReminders));
        Assert.Equal(["on_due", "overdue", "overdue", "overdue", "overdue"], _metrics.Of("actionbot.reminders.sent").Select(m => m.Tag("kind")));
        Assert.Equal(4, _metrics.Of("actionbot.reminders.overdue_comments").Count);
        Assert.Single(_metrics.Of("actionbot.reminders.escalations"));
    }

    [Fact]
    public async Task An_overdue_comment_already_on_the_issue_is_not_posted_again()
    {
        // A crash came after GitHub took the comment and before the sweep recorded it: the comment carries its marker.
        var item = Items.Open("a", Friday, "alice");
        Add(item);
        await _tracker.CommentAsync(item.IssueRepository, item.IssueNumber!.Value, "Overdue. <!-- actionbot:reminder=key-a:overdue1@2025-03-14 -->", None);

        await Sweep().RunAsync(new DateTimeOffset(2025, 3, 17, 10, 0, 0, TimeSpan.Zero), None);

        Assert.Single(_tracker.Comments);
    }

    [Fact]
    public async Task Closed_removed_and_snoozed_items_are_not_reminded()
    {
        Add(
            Items.Open("closed", Friday, "alice") with { State = ItemState.Closed },
            Items.Open("removed", Friday, "alice") with { Removed = true },
            Items.Open("snoozed", Friday, "alice") with { SnoozedUntil = BeforeDue.AddDays(1) });

        var report = await Sweep().RunAsync(BeforeDue, None);

        Assert.Equal((3, 0), (report.ItemsRead, report.Messages));
    }

    [Fact]
    public async Task Outside_working_hours_the_sweep_reads_nothing()
    {
        Add(Items.Open("a", Friday, "alice"));

        var report = await Sweep().RunAsync(new DateTimeOffset(2025, 3, 15, 10, 0, 0, TimeSpan.Zero), None);

        Assert.Same(ReminderSweepReport.OutsideWorkingTime, report);
        Assert.Empty(_chat.Reminders);
    }

    [Fact]
    public async Task Comments_are_left_out_without_an_issue_tracker()
    {
        Add(Items.Open("a", Friday, "alice"));

        var report = await Sweep(tracker: false).RunAsync(new DateTimeOffset(2025, 3, 17, 10, 0, 0, TimeSpan.Zero), None);

        Assert.Equal((1, 0), (report.Messages, report.Comments));
    }

    private void Add(params TrackedItem[] items) =>
        _ledger.Candidates.AddRange(items.Select(i => new ReminderCandidate(i, "pr-author", i.CreatedAt, ReminderState.None)));

    private ReminderSweep Sweep(IAccountLinks? links = null, bool tracker = true)
    {
        var settings = ReminderSettings.Default();
        return new ReminderSweep(
            _ledger, _chat, links ?? new FixedAccountLinks(), new OneChannelDirectory("chan-ops", Items.Repository),
            new ReminderPolicy(settings), new DueDateRule(settings), tracker ? _tracker : null, new ActionBotMetrics(_metrics));
    }
}
