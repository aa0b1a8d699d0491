-- 0007: account links count only once GitHub confirms them (OAuth device flow), and a claim waiting for that
-- confirmation is kept apart, where it grants nothing.
--
-- Links stored before this version were never confirmed: /postmortem link took any login anyone typed. None of them
-- counts any more, so they go; people link again (confirmed this time), and an admin's Discord:UserLinks are
-- configuration, untouched here.
DELETE FROM account_links;

-- One chat account per login: a login confirmed for one person is never taken over by another's claim.
DROP INDEX ix_account_links_login;
CREATE UNIQUE INDEX ux_account_links_login ON account_links ((lower(github_login)));

-- One waiting claim per chat user (a new claim replaces it). device_code is what the bot polls GitHub's token
-- endpoint with: it works only with the bot's client id, only until expires_at and only once its user approves;
-- the row goes when the claim ends. next_poll_at moves one poll_interval_seconds on whenever a poller claims the
-- row, so pollers (replicas) never poll one claim faster than GitHub allows, and a poller that died leaves it due.
CREATE TABLE account_link_requests (
    chat_user_id TEXT NOT NULL PRIMARY KEY,
    github_login TEXT NOT NULL,
    device_code TEXT NOT NULL,
    user_code TEXT NOT NULL,
    verification_uri TEXT NOT NULL,
    poll_interval_seconds INTEGER NOT NULL,
    next_poll_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    requested_at TEXT NOT NULL
);

CREATE INDEX ix_account_link_requests_due ON account_link_requests (next_poll_at);
