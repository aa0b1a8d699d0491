-- 0008: GET /api/action-items (and its CSV) pages through items in creation order, (created_at, item_key), by keyset:
-- each page starts where the previous one ended. Neither column ever changes once a row exists, so a client that
-- follows the pages sees every item once. These indexes make a page a range read however deep it is: one for every
-- state, one for state=open|closed (the API's default is open).

CREATE INDEX ix_action_items_created ON action_items (created_at, item_key);

CREATE INDEX ix_action_items_state_created ON action_items (state, created_at, item_key);
