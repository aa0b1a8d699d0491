-- 0006: when GitHub last changed an item's issue state, as GitHub dates it (the webhook's or the issue list's
-- updated_at). A state older than the one recorded is stale news (a reconcile pass that listed the issue just before
-- a webhook closed it) and must not undo it.

ALTER TABLE action_items ADD COLUMN issue_state_at TEXT;
