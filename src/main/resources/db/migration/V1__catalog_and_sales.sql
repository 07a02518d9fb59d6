-- Catalog and sales: the base every other capability reads.
-- Quantities and money are exact decimals (numeric(38,6)); times are timestamptz, stored in UTC.
-- Every entity row carries updated_at (the source's change time; a newer row wins on import)
-- and removed (hidden, history kept).

create table warehouses (
    id          bigint generated always as identity primary key,
    code        text not null unique,
    name        text not null,
    time_zone   text not null default 'UTC',
    removed     boolean not null default false,
    updated_at  timestamptz not null default now()
);

create table vendors (
    id              bigint generated always as identity primary key,
    code            text not null unique,
    name            text not null,
    currency        char(3),
    lead_time_days  integer check (lead_time_days >= 0),
    removed         boolean not null default false,
    updated_at      timestamptz not null default now()
);

create table products (
    id          bigint generated always as identity primary key,
    code        text not null unique,
    title       text not null,
    removed     boolean not null default false,
    updated_at  timestamptz not null default now()
);

create table variants (
    id          bigint generated always as identity primary key,
    sku         text not null unique,
    product_id  bigint references products (id),
    title       text not null,
    barcode     text,
    type        text not null default 'simple' check (type in ('simple', 'bundle', 'assembly')),
    price       numeric(38, 6),
    currency    char(3),
    removed     boolean not null default false,
    updated_at  timestamptz not null default now()
);
create index variants_product on variants (product_id);

-- Bill of materials: quantity of component per one unit of the bundle or assembly.
create table components (
    variant_id            bigint not null references variants (id),
    component_variant_id  bigint not null references variants (id),
    quantity              numeric(38, 6) not null check (quantity > 0),
    removed               boolean not null default false,
    updated_at            timestamptz not null default now(),
    primary key (variant_id, component_variant_id),
    check (variant_id <> component_variant_id)
);
create index components_component on components (component_variant_id);

-- Per variant and warehouse: stock and planning settings.
create table variant_warehouses (
    variant_id      bigint not null references variants (id),
    warehouse_id    bigint not null references warehouses (id),
    available       numeric(38, 6) not null default 0,
    in_transit      numeric(38, 6) not null default 0,
    min_stock       numeric(38, 6) not null default 0 check (min_stock >= 0),
    max_stock       numeric(38, 6) check (max_stock >= 0),
    lead_time_days  integer check (lead_time_days >= 0),
    days_of_stock   integer check (days_of_stock >= 0),
    removed         boolean not null default false,
    updated_at      timestamptz not null default now(),
    primary key (variant_id, warehouse_id)
);
create index variant_warehouses_warehouse on variant_warehouses (warehouse_id);

-- Per variant and vendor: purchase terms. order_multiple is the case pack.
create table variant_vendors (
    variant_id        bigint not null references variants (id),
    vendor_id         bigint not null references vendors (id),
    cost              numeric(38, 6) check (cost >= 0),
    currency          char(3),
    moq               numeric(38, 6) not null default 0 check (moq >= 0),
    order_multiple    numeric(38, 6) not null default 1 check (order_multiple > 0),
    lead_time_days    integer check (lead_time_days >= 0),
    vendor_reference  text,
    preferred         boolean not null default false,
    removed           boolean not null default false,
    updated_at        timestamptz not null default now(),
    primary key (variant_id, vendor_id)
);
create index variant_vendors_vendor on variant_vendors (vendor_id);

-- One line of a sales order as the source had it. Returns, cancellations and stock
-- adjustments are kept and flagged by kind; quantity is negative for them.
-- No foreign keys: this is the big fact table, written only by importers that resolve the
-- variant and warehouse ids in the same transaction, and variants and warehouses are never
-- deleted (removed = true hides them). A foreign key check per row would triple import time.
create table sales_lines (
    source        text collate "C" not null,
    order_ref     text collate "C" not null,
    line_ref      text collate "C" not null,
    variant_id    bigint not null,
    warehouse_id  bigint not null,
    kind          text not null check (kind in ('sale', 'return', 'cancellation', 'adjustment')),
    quantity      numeric(38, 6) not null,
    unit_price    numeric(38, 6),
    currency      char(3),
    sold_at       timestamptz not null,
    customer_ref  text,
    country       text,
    removed       boolean not null default false,
    updated_at    timestamptz not null default now(),
    -- The source's own key: an order and a line within it. Re-importing a line updates it.
    -- Byte order ("C") for the key: faster to sort and compare, and no locale can change it.
    -- The order number leads: the source is the same on every line of an import, so leading
    -- with it would make every comparison (and every abbreviated sort key) start equal.
    primary key (order_ref, line_ref, source)
);
-- Demand is read from daily_demand, so sales_lines keeps only its key index: imports of
-- hundreds of thousands of lines stay fast.

-- Daily demand per variant and warehouse, derived from sales_lines; day is the calendar date
-- in the warehouse's time zone. sold counts sales only; returned counts returns, cancellations
-- and negative stock adjustments as a positive number (positive adjustments, such as stock
-- found, are not demand).
-- Derived and rebuilt in bulk, so without foreign keys: sales_lines has them.
create table daily_demand (
    variant_id    bigint not null,
    warehouse_id  bigint not null,
    day           date not null,
    sold          numeric(38, 6) not null default 0,
    returned      numeric(38, 6) not null default 0,
    revenue       numeric(38, 6) not null default 0,
    sale_lines    integer not null default 0,
    primary key (variant_id, warehouse_id, day)
);

-- Days the store traded at all, per warehouse: a day without any line is not a day of zero
-- demand (closed, holiday), so forecasting counts only trading days.
create table trading_days (
    warehouse_id  bigint not null,
    day           date not null,
    primary key (warehouse_id, day)
);

-- Every import, kept so a re-run of the same file can say that it changed nothing.
create table import_runs (
    id            bigint generated always as identity primary key,
    kind          text not null,
    source_name   text not null,
    sha256        text not null,
    started_at    timestamptz not null,
    finished_at   timestamptz not null,
    lines_read    bigint not null,
    lines_imported bigint not null,
    lines_skipped bigint not null,
    changed       boolean not null,
    summary       jsonb not null
);
create index import_runs_kind_sha on import_runs (kind, sha256);
