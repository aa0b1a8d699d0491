-- 0010: one tracking issue per postmortem, its action-item issues attached as GitHub sub-issues (INTERFACES §5).
--
-- Each step is recorded as the item issues' are, so that a crash anywhere leaves work the next pass finishes once:
-- tracking_requested_at: this postmortem gets a tracking issue (decided before any of its issues is opened);
-- tracking_attempted_at: a create began (a later attempt looks for the issue's marker before creating again);
-- tracking_state: the state the bot last gave the issue; tracking_body_hash: the title and body it last wrote.
-- issue_id is GitHub's id of an item's issue (what a sub-issue is attached by; ids pass 2^31, hence BIGINT);
-- attach_attempted_at / attached_at: an attach began (list the parent's sub-issues before trying again) / is settled.
-- Same conventions as 0001: TEXT ISO timestamps, SQL that SQLite and PostgreSQL both accept.

ALTER TABLE postmortems ADD COLUMN tracking_requested_at TEXT;
ALTER TABLE postmortems ADD COLUMN tracking_attempted_at TEXT;
ALTER TABLE postmortems ADD COLUMN tracking_issue_repository TEXT;
ALTER TABLE postmortems ADD COLUMN tracking_issue_number INTEGER;
ALTER TABLE postmortems ADD COLUMN tracking_issue_url TEXT;
ALTER TABLE postmortems ADD COLUMN tracking_state TEXT NOT NULL DEFAULT 'open' CHECK (tracking_state IN ('open', 'closed'));
ALTER TABLE postmortems ADD COLUMN tracking_body_hash TEXT;

ALTER TABLE action_items ADD COLUMN issue_id BIGINT;
ALTER TABLE action_items ADD COLUMN attach_attempted_at TEXT;
ALTER TABLE action_items ADD COLUMN attached_at TEXT;

-- The recovery pass looks for postmortems whose tracking issue was decided on and is not finished.
CREATE INDEX ix_postmortems_tracking ON postmortems (tracking_requested_at) WHERE tracking_requested_at IS NOT NULL;
