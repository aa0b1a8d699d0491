-- 0001: postmortems, their action items, and the inbox of webhook deliveries.
--
-- Shared by the SQLite and PostgreSQL providers, so only SQL both accept:
--   * timestamps are TEXT, ISO-8601 UTC with seven fraction digits (2025-03-03T09:00:00.0000000Z): fixed
--     width, so text order is time order and "due <= now" needs no date functions in either database;
--   * dates (due, postmortem date) are TEXT yyyy-MM-dd; booleans are INTEGER 0/1; owners are a JSON array as TEXT;
--   * {{blob}} is replaced by the migrator (SQLite BLOB, PostgreSQL BYTEA): webhook bodies stay raw bytes,
--     with no base64 cost (+33 %) on the acknowledgement path;
--   * no AUTOINCREMENT / SERIAL: every key is natural text.

CREATE TABLE postmortems (
    repository TEXT NOT NULL,
    path TEXT NOT NULL,
    issue_repository TEXT NOT NULL,
    commit_sha TEXT NOT NULL,
    pull_request INTEGER,
    pull_request_url TEXT,
    author TEXT,
    title TEXT,
    postmortem_date TEXT,
    merged_at TEXT NOT NULL,
    file_url TEXT,
    PRIMARY KEY (repository, path)
);

CREATE TABLE action_items (
    item_key TEXT NOT NULL PRIMARY KEY,
    repository TEXT NOT NULL,
    path TEXT NOT NULL,
    issue_repository TEXT NOT NULL,
    item_id TEXT NOT NULL,
    title TEXT NOT NULL,
    details TEXT,
    section TEXT NOT NULL,
    owners TEXT NOT NULL DEFAULT '[]',
    due TEXT,
    priority TEXT,
    kind TEXT CHECK (kind IN ('corrective', 'preventative')),
    line INTEGER NOT NULL,
    issue_number INTEGER,
    issue_url TEXT,
    issue_attempted_at TEXT,
    state TEXT NOT NULL CHECK (state IN ('open', 'closed')),
    removed INTEGER NOT NULL DEFAULT 0 CHECK (removed IN (0, 1)),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    closed_at TEXT,
    FOREIGN KEY (repository, path) REFERENCES postmortems (repository, path)
);

CREATE INDEX ix_action_items_postmortem ON action_items (repository, path);

-- One item per issue. GitHub repository names are case-insensitive, so the pair is too; the number leads
-- so that looking an issue up by (repository, number) uses this index.
CREATE UNIQUE INDEX ux_action_items_issue ON action_items (issue_number, (lower(issue_repository)))
    WHERE issue_number IS NOT NULL;

CREATE INDEX ix_action_items_state ON action_items (state);

-- The body is the last column: a 25 KB value spills into overflow pages, and columns stored after it
-- would have to be read through them on every claim.
CREATE TABLE webhook_deliveries (
    id TEXT NOT NULL PRIMARY KEY,
    event TEXT NOT NULL,
    action TEXT,
    repository TEXT,
    received_at TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('pending', 'processing', 'done', 'failed')),
    attempts INTEGER NOT NULL DEFAULT 0,
    lease_until TEXT,
    next_attempt_at TEXT NOT NULL,
    last_error TEXT,
    completed_at TEXT,
    body {{blob}} NOT NULL
);

CREATE INDEX ix_webhook_deliveries_due ON webhook_deliveries (status, next_attempt_at);
