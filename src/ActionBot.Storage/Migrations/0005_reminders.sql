-- 0005: what the reminder sweep has done, so that each reminder, overdue comment and escalation happens once.
--
-- reminder_log holds one row per thing done: (item, kind, slot) is its primary key, so two sweeps (a retry after a
-- crash, another replica) that record the same slot insert one row; the loser's INSERT ... ON CONFLICT DO NOTHING
-- changes nothing. Slots are the policy's keys (due@2025-03-14, overdue2@2025-03-14); an escalation's slot is '-'.
-- reminder_state sums the log up per item (last slot, overdue count, escalated, last commented slot) for the sweep,
-- which reads every open item and must not aggregate the log to do it. Both are written in the same transaction.

CREATE TABLE reminder_log (
    item_key TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('reminder', 'comment', 'escalation')),
    slot TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    PRIMARY KEY (item_key, kind, slot)
);

CREATE TABLE reminder_state (
    item_key TEXT NOT NULL PRIMARY KEY,
    last_slot TEXT,
    overdue_reminders INTEGER NOT NULL DEFAULT 0,
    escalated INTEGER NOT NULL DEFAULT 0 CHECK (escalated IN (0, 1)),
    last_comment_slot TEXT,
    updated_at TEXT NOT NULL
);

-- The sweep reads open items that are still in their postmortems and not due far ahead.
CREATE INDEX ix_action_items_open ON action_items (state, removed, due);
