-- Background jobs: db-scheduler's own table (its PostgreSQL schema, version 16), so that a job
-- runs once across every Restock process that shares this database.
create table scheduled_tasks (
    task_name            text                     not null,
    task_instance        text                     not null,
    task_data            bytea,
    execution_time       timestamp with time zone not null,
    picked               boolean                  not null,
    picked_by            text,
    last_success         timestamp with time zone,
    last_failure         timestamp with time zone,
    consecutive_failures int,
    last_heartbeat       timestamp with time zone,
    version              bigint                   not null,
    priority             smallint,
    primary key (task_name, task_instance)
);
create index scheduled_tasks_execution_time on scheduled_tasks (execution_time);
create index scheduled_tasks_last_heartbeat on scheduled_tasks (last_heartbeat);
create index scheduled_tasks_priority_execution_time on scheduled_tasks (priority desc, execution_time asc);

-- The outbox: news worth telling, written in the same transaction as the change it tells of, so
-- that an event is never lost when the process dies after the change, and never invented when
-- the change rolls back. Webhook delivery reads it; the package that changes data only appends.
create table outbox_events (
    position    bigint generated always as identity primary key,
    id          text        not null unique,      -- evt_<uuid>, the event's id everywhere outside
    type        text        not null,             -- e.g. stock_order.saved
    subject     text,                             -- what it is about, e.g. a stock order id
    payload     jsonb       not null,             -- the event's data
    occurred_at timestamptz not null
);
create index outbox_events_type on outbox_events (type);
