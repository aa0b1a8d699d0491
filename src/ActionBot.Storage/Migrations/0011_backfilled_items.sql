-- 0011: when `backfill` first tracked an item (NULL for items of merged postmortems). Its due date counts from its
-- postmortem's own date, and one that had passed by then is moved Reminders:BackfillGraceDays after it.

ALTER TABLE action_items ADD COLUMN backfilled_at TEXT;
