-- 0002: webhook bodies move to a table of their own.
--
-- The worker changes a delivery's row twice (claim, then completion). With the 25 KB body in that row, SQLite
-- rewrote the whole record, overflow pages included, each time: ~70-100 KB written per delivery, all of it
-- under the write lock the webhook acknowledgements wait on. Kept apart, the body is written once, at receipt,
-- and deleted at completion; claims and completions change only the small row.
--
-- A body row exists while its delivery is pending, processing or failed (set aside bodies are kept for people
-- to look at); completion deletes it. Same rules as 0001: SQL both SQLite and PostgreSQL accept.

CREATE TABLE webhook_delivery_bodies (
    id TEXT NOT NULL PRIMARY KEY REFERENCES webhook_deliveries (id) ON DELETE CASCADE,
    body {{blob}} NOT NULL
);

-- Done deliveries had their body emptied already (0001's completion); every other delivery keeps its body.
INSERT INTO webhook_delivery_bodies (id, body)
SELECT id, body FROM webhook_deliveries WHERE status <> 'done';

ALTER TABLE webhook_deliveries DROP COLUMN body;
