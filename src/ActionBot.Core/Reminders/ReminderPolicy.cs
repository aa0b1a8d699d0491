namespace ActionBot.Core.Reminders;

/// <summary>
/// The reminder schedule of an item, pure: a reminder <see cref="ReminderSettings.RemindBefore"/> the due date, one on
/// the due date (at the next working morning), then every <see cref="ReminderSettings.RepeatEvery"/> while open. Each
/// slot moves to the next working window. A sweep asks what is due now: the latest slot that has passed, once — slots
/// missed while the bot was down collapse into that one. Nothing is due outside working time or while snoozed.
/// </summary>
public sealed class ReminderPolicy(ReminderSettings settings)
{
    private readonly WorkingTime _working = settings.WorkingTime;

    public ReminderSettings Settings => settings;

    /// <summary>What to do for an open item due on <paramref name="due"/> at <paramref name="now"/>; null when nothing.</summary>
    public ReminderDecision? Evaluate(DateOnly due, ReminderState state, DateTimeOffset? snoozedUntil, DateTimeOffset now) =>
        _working.IsWorking(now) ? Decide(LatestSlot(due, now), state, snoozedUntil, now) : null;

    /// <summary>
    /// What to do given the latest slot that has passed (<see cref="LatestSlot"/>), for callers that checked working
    /// time already and share one slot among the items due the same day (the sweep).
    /// </summary>
    public ReminderDecision? Decide(ReminderSlot? latest, ReminderState state, DateTimeOffset? snoozedUntil, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (snoozedUntil > now || latest is not { } slot)
        {
            return null;
        }

        var remind = slot.Key != state.LastSlot;
        var overdue = slot.Kind == ReminderKind.Overdue;
        var comment = overdue && settings.CommentWhenOverdue && slot.Key != state.LastCommentSlot;
        var overdueReminders = state.OverdueReminders + (remind && overdue ? 1 : 0);
        var escalate = settings.EscalateAfter > 0 && !state.Escalated && overdueReminders >= settings.EscalateAfter;
        return remind || comment || escalate ? new ReminderDecision(slot, remind, comment, escalate) : null;
    }

    /// <summary>The latest slot at or before <paramref name="now"/>, or null when the first is still ahead.</summary>
    public ReminderSlot? LatestSlot(DateOnly due, DateTimeOffset now)
    {
        var onDue = OnDue(due);
        if (onDue.At > now)
        {
            return BeforeDue(due) is { } before && before.At <= now ? before : null;
        }

        if (settings.RepeatEvery <= TimeSpan.Zero)
        {
            return onDue;
        }

        // Slots only move later (to working time), so the slot the wall clock gives is the latest candidate.
        var elapsed = TimeZoneInfo.ConvertTime(now, settings.TimeZone).DateTime - DueLocal(due);
        for (var repeat = (int)Math.Min(elapsed.Ticks / settings.RepeatEvery.Ticks, int.MaxValue - 1); repeat > 0; repeat--)
        {
            var slot = Overdue(due, repeat);
            if (slot.At <= now)
            {
                return slot;
            }
        }

        return onDue;
    }

    /// <summary>Every slot from the first through <paramref name="until"/>, in order (for people and tests).</summary>
    public IEnumerable<ReminderSlot> Schedule(DateOnly due, DateTimeOffset until)
    {
        if (BeforeDue(due) is { } before && before.At <= until)
        {
            yield return before;
        }

        var onDue = OnDue(due);
        if (onDue.At > until)
        {
            yield break;
        }

        yield return onDue;
        for (var repeat = 1; settings.RepeatEvery > TimeSpan.Zero; repeat++)
        {
            var slot = Overdue(due, repeat);
            if (slot.At > until)
            {
                yield break;
            }

            yield return slot;
        }
    }

    private ReminderSlot OnDue(DateOnly due) => new(ReminderKind.OnDue, 0, due, _working.MorningOf(due));

    // A reminder that would land on or after the due-date reminder (a due Monday, two days before) is not sent.
    private ReminderSlot? BeforeDue(DateOnly due)
    {
        if (settings.RemindBefore <= TimeSpan.Zero)
        {
            return null;
        }

        var at = _working.NextWorking(_working.ToInstant(DueLocal(due) - settings.RemindBefore));
        return at < OnDue(due).At ? new ReminderSlot(ReminderKind.BeforeDue, 0, due, at) : null;
    }

    private ReminderSlot Overdue(DateOnly due, int repeat) =>
        new(ReminderKind.Overdue, repeat, due, _working.NextWorking(_working.ToInstant(DueLocal(due) + (settings.RepeatEvery * repeat))));

    // The schedule counts from the start of working hours on the due date, in local wall-clock time.
    private DateTime DueLocal(DateOnly due) => due.ToDateTime(_working.Start);
}
