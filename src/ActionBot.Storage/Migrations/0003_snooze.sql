-- 0003: items can be snoozed (/postmortem snooze): their reminders wait until snoozed_until.

ALTER TABLE action_items ADD COLUMN snoozed_until TEXT;

CREATE INDEX ix_postmortems_merged_at ON postmortems (merged_at);
