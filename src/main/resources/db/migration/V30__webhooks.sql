-- Webhook subscriptions: where Restock tells of events, and the secret it signs them with.
-- Secrets live here only; no list, log or error ever shows them.
create table webhook_subscriptions (
    id                        text        primary key,           -- whk_<uuid>
    url                       text        not null,
    event_types               text[]      not null,              -- e.g. {stock_order.*}
    secret                    text        not null,              -- whsec_<base64>
    previous_secret           text,                              -- signs too until it expires
    previous_secret_expires_at timestamptz,
    enabled                   boolean     not null default true,
    description               text,
    created_at                timestamptz not null,
    failing_since             timestamptz,                       -- first failure since the last success
    disabled_at               timestamptz,
    disabled_reason           text
);

-- Which events have been turned into deliveries: a marker on the event itself, because an
-- event's position is taken at insert and not at commit, so "everything after position N" would
-- skip an event whose transaction committed late. Only undispatched rows are in the index.
alter table outbox_events add column webhooks_dispatched_at timestamptz;
create index outbox_events_undispatched on outbox_events (position) where webhooks_dispatched_at is null;

-- One event for one subscription. A replay is a new delivery of the same event.
create table webhook_deliveries (
    id              text        primary key,                     -- dlv_<uuid>
    subscription_id text        not null references webhook_subscriptions (id) on delete cascade,
    event_id        text        not null references outbox_events (id),
    event_position  bigint      not null,
    event_type      text        not null,
    subject         text,                                        -- events of one subject go in order
    replay_of       text        references webhook_deliveries (id) on delete set null,
    status          text        not null check (status in ('pending', 'succeeded', 'failed')),
    attempts        int         not null default 0,
    next_attempt_at timestamptz,                                 -- null while an attempt is in flight
    created_at      timestamptz not null,
    completed_at    timestamptz
);
create unique index webhook_deliveries_once on webhook_deliveries (event_id, subscription_id)
    where replay_of is null;
-- Due deliveries in the order they are claimed, so a round reads only as far as it claims.
create index webhook_deliveries_due on webhook_deliveries (next_attempt_at, event_position)
    where status = 'pending';
create index webhook_deliveries_in_order on webhook_deliveries (subscription_id, subject, event_position)
    where status = 'pending';
create index webhook_deliveries_subscription on webhook_deliveries (subscription_id, created_at);

-- Every attempt, written before the request goes out: the primary key is what makes an attempt
-- go out at most once, whichever process claims it.
create table webhook_attempts (
    delivery_id       text        not null references webhook_deliveries (id) on delete cascade,
    attempt           int         not null,
    started_at        timestamptz not null,
    outcome           text        not null check (outcome in ('in_flight', 'succeeded', 'failed', 'interrupted')),
    status_code       int,
    latency_ms        bigint,
    response_excerpt  text,
    error             text,
    primary key (delivery_id, attempt)
);
