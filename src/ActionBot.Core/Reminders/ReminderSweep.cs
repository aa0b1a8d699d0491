using System.Diagnostics.CodeAnalysis;
using ActionBot.Core.Observability;
using ActionBot.Core.Ports;
using ActionBot.Core.Tracking;

namespace ActionBot.Core.Reminders;

/// <summary>What one sweep did, for the job's log line.</summary>
public sealed record ReminderSweepReport(int ItemsRead, int Messages, int ItemsReminded, int Comments, int Escalations, bool WasSkipped = false)
{
    public static readonly ReminderSweepReport OutsideWorkingTime = new(0, 0, 0, 0, 0);

    /// <summary>Not run here: another replica held the sweep's lease.</summary>
    public static readonly ReminderSweepReport Skipped = new(0, 0, 0, 0, 0, WasSkipped: true);
}

/// <summary>
/// Sends what the <see cref="ReminderPolicy"/> says is due now: one message per person listing all of that person's
/// due items, an overdue comment on the item's issue once per repeat, an escalation once. Exactly once: each message
/// is enqueued under a key made of its recipient and item slots (the chat sends a key once), and only then are the
/// slots recorded; a crash in between makes the next sweep compute the same message again, which the chat drops.
/// </summary>
[SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable", Justification = "A SemaphoreSlim whose AvailableWaitHandle is never read holds nothing to dispose.")]
public sealed class ReminderSweep(
    IReminderLedger ledger,
    IChatNotifier chat,
    IAccountLinks accounts,
    IChannelDirectory channels,
    ReminderPolicy policy,
    DueDateRule dueDates,
    IIssueTracker? tracker = null,
    ActionBotMetrics? metrics = null)
{
    // One sweep at a time in this process (the scheduler and /postmortem commands may both ask).
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);

    public async Task<ReminderSweepReport> RunAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!policy.Settings.WorkingTime.IsWorking(now))
        {
            return ReminderSweepReport.OutsideWorkingTime;
        }

        await _oneAtATime.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var (read, due) = await FindDueAsync(now, cancellationToken).ConfigureAwait(false);
            var (messages, reminded) = await RemindAsync(due, now, cancellationToken).ConfigureAwait(false);
            var escalations = await EscalateAsync(due, now, cancellationToken).ConfigureAwait(false);
            var comments = await CommentAsync(due, now, cancellationToken).ConfigureAwait(false);
            return new ReminderSweepReport(read, messages, reminded, comments, escalations);
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    private async Task<(int Read, List<DueWork> Due)> FindDueAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var read = 0;
        var due = new List<DueWork>();
        var today = dueDates.LocalDate(now);

        // Items share due dates: each date's latest slot is computed once per sweep.
        var slots = new Dictionary<DateOnly, ReminderSlot?>();
        // The first reminder comes RemindBefore the due date; a day more covers the local date's offset from UTC.
        var dueBy = today.AddDays((int)Math.Ceiling(policy.Settings.RemindBefore.TotalDays) + 1);
        await foreach (var candidate in ledger.OpenItemsAsync(dueBy, cancellationToken).ConfigureAwait(false))
        {
            read++;
            var item = candidate.Item;
            if (item.State != ItemState.Open || item.Removed)
            {
                continue;
            }

            var dueDate = dueDates.DueDate(item, candidate.MergedAt, candidate.PostmortemDate);
            if (!slots.TryGetValue(dueDate, out var latest))
            {
                slots[dueDate] = latest = policy.LatestSlot(dueDate, now);
            }

            if (policy.Decide(latest, candidate.State, item.SnoozedUntil, now) is { } decision)
            {
                var daysOverdue = Math.Max(0, today.DayNumber - dueDate.DayNumber);
                due.Add(new DueWork(candidate, decision, new DueItem(item, dueDate, decision.Slot.Kind, daysOverdue)));
            }
        }

        return (read, due);
    }

    private async Task<(int Messages, int Items)> RemindAsync(List<DueWork> due, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var toRemind = due.Where(w => w.Decision.RemindNow).ToList();
        if (toRemind.Count == 0)
        {
            return (0, 0);
        }

        var recipients = new ReminderRecipients(accounts, channels);
        var messages = new SortedDictionary<string, (ReminderRecipient Recipient, List<DueWork> Items)>(StringComparer.Ordinal);
        foreach (var work in toRemind)
        {
            foreach (var (key, recipient) in await recipients.ForAsync(work.Candidate, cancellationToken).ConfigureAwait(false))
            {
                if (!messages.TryGetValue(key, out var message))
                {
                    messages[key] = message = (recipient, []);
                }

                message.Items.Add(work);
            }
        }

        foreach (var (recipientKey, (recipient, items)) in messages)
        {
            items.Sort(static (a, b) => (a.Item.Due, a.Item.Item.Title).CompareTo((b.Item.Due, b.Item.Item.Title)));
            var key = ReminderKeys.Message(recipientKey, items.Select(w => (w.Item.Item.Key, w.Decision.Slot.Key)));
            await chat.RemindAsync(new ReminderMessage(key, recipient, items.Select(w => w.Item).ToList()), cancellationToken).ConfigureAwait(false);
        }

        foreach (var work in toRemind)
        {
            metrics?.ReminderSent(work.Decision.Slot.Kind);
        }

        var records = toRemind.Select(w => new ReminderRecord(w.Item.Item.Key, ReminderRecordKind.Reminder, w.Decision.Slot.Key, w.Decision.Slot.Kind == ReminderKind.Overdue)).ToList();
        await ledger.RecordAsync(records, now, cancellationToken).ConfigureAwait(false);
        return (messages.Count, toRemind.Count);
    }

    // Last, as it calls GitHub: a failed comment (GitHub down) ends the sweep unrecorded, and the next sweep tries again.
    private async Task<int> CommentAsync(List<DueWork> due, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (tracker is null)
        {
            return 0;
        }

        var commented = 0;
        foreach (var work in due.Where(w => w.Decision.CommentNow && w.Item.Item.IssueNumber is not null))
        {
            var item = work.Item.Item;
            // Once per slot even when a crash came between the comment and its record: the marker is looked for first.
            var body = OverdueComment.Body(work.Item, work.Decision.Slot);
            await tracker.CommentOnceAsync(item.IssueRepository, item.IssueNumber!.Value, body, OverdueComment.Marker(item.Key, work.Decision.Slot), cancellationToken).ConfigureAwait(false);
            await ledger.RecordAsync([new ReminderRecord(item.Key, ReminderRecordKind.Comment, work.Decision.Slot.Key, true)], now, cancellationToken).ConfigureAwait(false);
            metrics?.OverdueCommented();
            commented++;
        }

        return commented;
    }

    private async Task<int> EscalateAsync(List<DueWork> due, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var escalated = 0;
        foreach (var work in due.Where(w => w.Decision.EscalateNow))
        {
            var item = work.Item.Item;
            var count = work.Candidate.State.OverdueReminders + (work.Decision.RemindNow && work.Decision.Slot.Kind == ReminderKind.Overdue ? 1 : 0);
            var message = new EscalationMessage(ReminderKeys.Escalation(item.Key), channels.ChannelFor(item.Repository), work.Item, count);
            await chat.EscalateAsync(message, cancellationToken).ConfigureAwait(false);
            await ledger.RecordAsync([new ReminderRecord(item.Key, ReminderRecordKind.Escalation, work.Decision.Slot.Key, true)], now, cancellationToken).ConfigureAwait(false);
            metrics?.Escalated();
            escalated++;
        }

        return escalated;
    }

    private sealed record DueWork(ReminderCandidate Candidate, ReminderDecision Decision, DueItem Item);
}
