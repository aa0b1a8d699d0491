-- 0009: crash recovery, so that a crash at any point loses nothing and a restart resumes at once. A claim names the process that took it (a webhook delivery being processed, a chat message
-- being sent), so that a process restarted after a crash takes back its own claims at once instead of waiting out
-- their leases (ClaimOwner says when that is safe). Claims taken before this version name nobody: they come back
-- when their lease runs out, as before. Same conventions as 0001: SQL that SQLite and PostgreSQL both accept.

ALTER TABLE webhook_deliveries ADD COLUMN claimed_by TEXT;

ALTER TABLE chat_outbox ADD COLUMN claimed_by TEXT;

-- What a reading of a postmortem promised beyond its items (an announcement, an issue to rewrite, a removal comment),
-- written in the same transaction as the items and deleted once done: a crash between storing a reading and doing
-- what it promised loses nothing. item_keys is a JSON array of action_items keys. Usually empty.
CREATE TABLE pending_effects (
    effect_key TEXT NOT NULL PRIMARY KEY,
    kind TEXT NOT NULL,
    repository TEXT NOT NULL,
    path TEXT NOT NULL,
    item_keys TEXT NOT NULL,
    channel_id TEXT,
    comment TEXT,
    created_at TEXT NOT NULL,
    FOREIGN KEY (repository, path) REFERENCES postmortems (repository, path)
);
