-- Stored replenishment reports: the nightly job (and POST /api/v1/replenishment/refresh) computes
-- the whole report and keeps it here, so the API serves it without forecasting on every request.
-- One row per report with its lines as one jsonb document: the report is always read whole and
-- filtered in memory, and a report is written once and never updated. Only the newest few are kept.
create table replenishment_snapshots (
    id           bigint generated always as identity primary key,
    computed_at  timestamptz not null,
    plan_date    date,
    line_count   integer not null,
    report       jsonb not null
);
