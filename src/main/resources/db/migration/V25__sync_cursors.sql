-- Where sync stands per connection table. `updated_at_cursor` is the largest UPDATED_AT the table
-- held when the last pass began, as the table's own clock wrote it (a UTC wall clock, no zone):
-- the next pass reads rows changed since then, less an overlap window for clock skew and rows
-- committed late. `last_full_pass_at` (Restock's clock) says when every open order was last read,
-- which is also when deleted rows are noticed.
create table sync_cursors (
    connection          text not null,
    table_name          text not null,
    updated_at_cursor   timestamp,
    last_full_pass_at   timestamptz,
    updated_at          timestamptz not null default now(),
    primary key (connection, table_name)
);
