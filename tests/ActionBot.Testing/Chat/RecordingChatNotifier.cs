using ActionBot.Core.Ports;
using ActionBot.Core.Reminders;

namespace ActionBot.Testing.Chat;

/// <summary>
/// The chat port as a test sees it: every call recorded, in order, across restarts of the bot. Like the real outbox,
/// a key enqueued twice is one message: <see cref="Reminders"/> holds each key once, <see cref="Calls"/> counts every call.
/// </summary>
public sealed class RecordingChatNotifier : IChatNotifier
{
    private readonly Lock _sync = new();
    private readonly List<ReminderMessage> _reminders = [];
    private readonly List<EscalationMessage> _escalations = [];
    private readonly List<WeeklyDigest> _digests = [];

    /// <summary>Every call, by key, duplicates included.</summary>
    public int Calls { get; private set; }

    /// <summary>When set, the n-th reminder call (1-based, counted from now) is stored and then throws, as a crash right after enqueuing would.</summary>
    public int? CrashAfterReminder { get; set; }

    public IReadOnlyList<ReminderMessage> Reminders
    {
        get
        {
            lock (_sync)
            {
                return [.. _reminders];
            }
        }
    }

    public IReadOnlyList<EscalationMessage> Escalations
    {
        get
        {
            lock (_sync)
            {
                return [.. _escalations];
            }
        }
    }

    public IReadOnlyList<WeeklyDigest> Digests
    {
        get
        {
            lock (_sync)
            {
                return [.. _digests];
            }
        }
    }

    public Task AnnounceAsync(PostmortemAnnouncement announcement, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task RemindAsync(ReminderMessage reminder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reminder);
        bool crash;
        lock (_sync)
        {
            Calls++;
            if (!_reminders.Exists(r => r.Key == reminder.Key))
            {
                _reminders.Add(reminder);
            }

            CrashAfterReminder--;
            crash = CrashAfterReminder == 0;
        }

        return crash ? throw new InvalidOperationException("The bot died right after enqueuing a reminder.") : Task.CompletedTask;
    }

    public Task EscalateAsync(EscalationMessage escalation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(escalation);
        lock (_sync)
        {
            Calls++;
            if (!_escalations.Exists(e => e.Key == escalation.Key))
            {
                _escalations.Add(escalation);
            }
        }

        return Task.CompletedTask;
    }

    public Task PostDigestAsync(WeeklyDigest digest, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(digest);
        lock (_sync)
        {
            Calls++;
            if (!_digests.Exists(d => d.Key == digest.Key))
            {
                _digests.Add(digest);
            }
        }

        return Task.CompletedTask;
    }
}
