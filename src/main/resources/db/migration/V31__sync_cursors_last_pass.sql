-- When the last completed pass over a connection table began, full or by cursor, for every
-- connection (not only those read by cursor). A pass writes nothing for an order that is as the
-- connection holds it, so this is when such an order was last confirmed: an open saved order
-- reports the later of its own `last_synced_at` (the last time sync wrote it) and this.
alter table sync_cursors add column last_pass_at timestamptz;
