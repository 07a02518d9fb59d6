-- The last line item id given out per order, so that a line removed before saving never lends its
-- id to a later line: history rows and receipts name lines by id, and must keep naming one line.
alter table stock_orders add column last_line_item_id bigint not null default 0;
update stock_orders o set last_line_item_id = coalesce(
    (select max(cast(l.line_item_id as bigint)) from stock_order_lines l
     where l.order_id = o.id and l.line_item_id ~ '^[0-9]{1,18}$'), 0);
