-- Stock orders, their lines and history, order statuses, and the connections orders are saved to.
-- Quantities and money are exact decimals (numeric(38,6)); times are timestamptz, stored in UTC.

-- Every status belongs to one type; only 'active' orders count as on order. Sync maps the
-- status names it reads from a connection through this table.
create table order_statuses (
    name  text primary key,
    type  text not null check (type in ('draft', 'active', 'closed', 'cancelled'))
);
insert into order_statuses (name, type) values
    ('DRAFT', 'draft'),
    ('OPEN', 'active'),
    ('PARTIALLY RECEIVED', 'active'),
    ('CLOSED', 'closed'),
    ('CANCELLED', 'cancelled');

-- References count up across order types (PO-1001, TO-1002, ...), so a number names one order.
create sequence stock_order_numbers start with 1001;

create table stock_orders (
    id                   uuid primary key,
    reference            text not null unique,
    type                 text not null check (type in ('po', 'transfer', 'assembly')),
    status               text not null references order_statuses (name),
    warehouse_id         bigint not null references warehouses (id),
    vendor_id            bigint references vendors (id),
    source_warehouse_id  bigint references warehouses (id),
    currency             char(3),
    created_at           timestamptz not null,
    expected_date        date,
    -- Push state. 'saving' is set in its own transaction before anything is written to the
    -- connection, so a restart can find pushes that died and finish or undo them.
    save_state           text not null default 'editable'
                         check (save_state in ('editable', 'saving', 'saved', 'save_failed')),
    saved_to             text,
    saved_at             timestamptz,
    push_attempt_id      uuid,
    last_error           text,
    external_id          text,
    -- Derived so that no code path can forget it: an order being saved or saved is read-only.
    read_only            boolean generated always as (save_state in ('saving', 'saved')) stored,
    check (type <> 'po' or vendor_id is not null),
    check (type <> 'transfer' or source_warehouse_id is not null),
    check (save_state not in ('saving', 'saved') or saved_to is not null),
    check (save_state <> 'saving' or push_attempt_id is not null)
);
create index stock_orders_saving on stock_orders (save_state) where save_state = 'saving';

create table stock_order_lines (
    order_id       uuid not null references stock_orders (id) on delete cascade,
    line_item_id   text not null,
    variant_id     bigint references variants (id),
    sku            text not null,
    title          text,
    barcode        text,
    replenishment  numeric(38, 6) not null check (replenishment >= 0),
    received       numeric(38, 6) not null default 0,
    received_date  date,
    cost_price     numeric(38, 6) check (cost_price >= 0),
    -- Removed downstream (learned by sync); lines removed in Restock before saving are deleted.
    removed        boolean not null default false,
    primary key (order_id, line_item_id)
);

-- One row per changed field; never updated or deleted while the order exists.
create table stock_order_history (
    id          bigint generated always as identity primary key,
    order_id    uuid not null references stock_orders (id) on delete cascade,
    at          timestamptz not null,
    actor_type  text not null check (actor_type in ('user', 'sync', 'import', 'system')),
    actor       text not null,
    field       text not null,
    old_value   text,
    new_value   text
);
create index stock_order_history_order on stock_order_history (order_id, at);

-- Settings hold no secrets: they name the file or environment variable a secret is read from.
create table connections (
    name        text primary key,
    kind        text not null check (kind in ('duckdb', 'postgresql', 'snowflake')),
    settings    jsonb not null,
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now()
);
