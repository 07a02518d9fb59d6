-- Sync state of saved orders: what the last sync found. Sync only flags; it never deletes an
-- order or a line, because the customer's table is not Restock's to judge.
alter table stock_orders
    add column sync_state text check (sync_state in ('in_step', 'problem', 'missing')),
    add column last_sync_problem text,
    add column last_synced_at timestamptz;

-- Sync reads the saved orders of one connection that are still open.
create index stock_orders_saved_to on stock_orders (saved_to) where save_state = 'saved';
