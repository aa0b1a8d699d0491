-- 0011: crash recovery. A claim names the process that took it (a webhook delivery being processed, a chat message
-- being sent), so that a process restarted after a crash takes back its own claims at once instead of waiting out
-- their leases (ClaimOwner says when that is safe). Claims taken before this version name nobody: they come back
-- when their lease runs out, as before. Same conventions as 0001: SQL that SQLite and PostgreSQL both accept.

ALTER TABLE webhook_deliveries ADD COLUMN claimed_by TEXT;

ALTER TABLE chat_outbox ADD COLUMN claimed_by TEXT;
