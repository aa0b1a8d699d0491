-- 0004: the chat outbox (messages promised to Discord, kept until it accepts them) and account links
-- (Discord user <-> GitHub login, set by /postmortem link). Same conventions as 0001: TEXT ISO timestamps,
-- natural text keys, SQL that SQLite and PostgreSQL both accept.

CREATE TABLE chat_outbox (
    message_key TEXT NOT NULL PRIMARY KEY,
    destination TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('pending', 'processing', 'sent', 'failed')),
    attempts INTEGER NOT NULL DEFAULT 0,
    lease_until TEXT,
    next_attempt_at TEXT NOT NULL,
    last_error TEXT,
    created_at TEXT NOT NULL,
    sent_at TEXT,
    payload TEXT NOT NULL
);

CREATE INDEX ix_chat_outbox_due ON chat_outbox (status, next_attempt_at);

CREATE TABLE account_links (
    chat_user_id TEXT NOT NULL PRIMARY KEY,
    github_login TEXT NOT NULL,
    linked_at TEXT NOT NULL
);

-- Logins compare case-insensitively (GitHub's rule); several chat accounts may name the same login.
CREATE INDEX ix_account_links_login ON account_links ((lower(github_login)));
