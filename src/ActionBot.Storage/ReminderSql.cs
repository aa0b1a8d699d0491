using ActionBot.Core.Ports;

namespace ActionBot.Storage;

/// <summary>The reminder ledger's statements, in SQL that SQLite and PostgreSQL both accept.</summary>
internal static class ReminderSql
{
    // No ORDER BY: rows stream in storage order, and the sweep orders only what is due. Dates are yyyy-MM-dd text,
    // so text order is date order; items without a stated due date are always read (theirs depends on priority).
    public static readonly string SelectOpenItems = $"""
        SELECT {ItemRow.Columns("i")},
               p.author AS Author, p.merged_at AS MergedAt, p.postmortem_date AS PostmortemDate,
               s.last_slot AS LastSlot, COALESCE(s.overdue_reminders, 0) AS OverdueReminders, COALESCE(s.escalated, 0) AS Escalated,
               s.last_comment_slot AS LastCommentSlot
        FROM action_items i
        JOIN postmortems p ON p.repository = i.repository AND p.path = i.path
        LEFT JOIN reminder_state s ON s.item_key = i.item_key
        WHERE i.state = 'open' AND i.removed = 0 AND (i.due IS NULL OR i.due <= @DueBy)
        """;

    public const string InsertLog = """
        INSERT INTO reminder_log (item_key, kind, slot, recorded_at) VALUES (@ItemKey, @Kind, @Slot, @At)
        ON CONFLICT (item_key, kind, slot) DO NOTHING
        """;

    public const string RecordReminder = """
        INSERT INTO reminder_state (item_key, last_slot, overdue_reminders, escalated, last_comment_slot, updated_at)
        VALUES (@ItemKey, @Slot, @OverdueCount, 0, NULL, @At)
        ON CONFLICT (item_key) DO UPDATE SET
            last_slot = excluded.last_slot, overdue_reminders = reminder_state.overdue_reminders + excluded.overdue_reminders,
            updated_at = excluded.updated_at
        """;

    public const string RecordComment = """
        INSERT INTO reminder_state (item_key, last_slot, overdue_reminders, escalated, last_comment_slot, updated_at)
        VALUES (@ItemKey, NULL, 0, 0, @Slot, @At)
        ON CONFLICT (item_key) DO UPDATE SET last_comment_slot = excluded.last_comment_slot, updated_at = excluded.updated_at
        """;

    public const string RecordEscalation = """
        INSERT INTO reminder_state (item_key, last_slot, overdue_reminders, escalated, last_comment_slot, updated_at)
        VALUES (@ItemKey, NULL, 0, 1, NULL, @At)
        ON CONFLICT (item_key) DO UPDATE SET escalated = 1, updated_at = excluded.updated_at
        """;

    /// <summary>The log's parameters of a record: escalations happen once per item, whatever the slot.</summary>
    public static object LogParameters(ReminderRecord record, string at) => new
    {
        record.ItemKey,
        Kind = Kind(record.Kind),
        Slot = record.Kind == ReminderRecordKind.Escalation ? "-" : record.Slot,
        At = at,
    };

    public static (string Sql, object Parameters) StateUpdate(ReminderRecord record, string at) => record.Kind switch
    {
        ReminderRecordKind.Reminder => (RecordReminder, new { record.ItemKey, record.Slot, OverdueCount = record.Overdue ? 1 : 0, At = at }),
        ReminderRecordKind.Comment => (RecordComment, new { record.ItemKey, record.Slot, At = at }),
        _ => (RecordEscalation, new { record.ItemKey, At = at }),
    };

    private static string Kind(ReminderRecordKind kind) => kind switch
    {
        ReminderRecordKind.Reminder => "reminder",
        ReminderRecordKind.Comment => "comment",
        _ => "escalation",
    };
}
