-- The connection table an order was saved to, so that every event about a saved order can name
-- it (the connection's settings may point the order type at another table later).
alter table stock_orders add column saved_table text;
