-- Step 1: organisations as a tree, their services and case types.
create table organisation (
    id                     bigint generated always as identity primary key,
    parent_id              bigint references organisation (id),
    kind                   text not null check (kind in ('ministry', 'agency', 'municipality', 'region', 'administration', 'institution')),
    slug                   text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    name                   text not null check (length(trim(name)) > 0),
    -- Days the institution closes beyond the public holidays; they are not working days.
    closed_constitution_day boolean not null default false,
    closed_christmas_eve   boolean not null default false,
    closed_new_years_eve   boolean not null default false,
    created_at             timestamptz not null default now(),
    check (parent_id is null or parent_id <> id)
);
create index organisation_parent on organisation (parent_id);

create table service (
    id              bigint generated always as identity primary key,
    organisation_id bigint not null references organisation (id),
    code            text not null check (code ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    name            text not null,
    description     text,
    unique (organisation_id, code),
    unique (id, organisation_id)
);

create table case_type (
    id              bigint generated always as identity primary key,
    organisation_id bigint not null,
    service_id      bigint not null,
    code            text not null check (code ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    name            text not null,
    -- 'received': the clock starts at receipt; 'completed': when the application is complete.
    clock_start     text not null default 'received' check (clock_start in ('received', 'completed')),
    -- Whether time spent waiting (paused .. resumed) is left out of the processing time.
    exclude_pauses  boolean not null default true,
    unique (organisation_id, code),
    foreign key (service_id, organisation_id) references service (id, organisation_id)
);

-- Step 2: goals. One indicator kind for now: the processing time of one case type.
create table goal (
    id              bigint generated always as identity primary key,
    organisation_id bigint not null references organisation (id),
    case_type_id    bigint references case_type (id),
    code            text,
    sentence        text not null check (length(trim(sentence)) > 0),
    dimension       text not null check (length(trim(dimension)) > 0),
    indicator_kind  text not null check (indicator_kind in ('processing_time')),
    statistic       text not null check (statistic in ('mean', 'median', 'percentile', 'share_within')),
    percentile      numeric check (percentile > 0 and percentile < 100),
    within_days     integer check (within_days >= 0),
    day_unit        text not null check (day_unit in ('calendar', 'working')),
    value_unit      text not null check (value_unit in ('days', 'weeks', 'percent')),
    period_kind     text not null check (period_kind in ('year', 'half', 'quarter', 'month')),
    scale_kind      text not null check (scale_kind in ('binary', 'traffic_light', 'fulfilment')),
    scale_direction text not null check (scale_direction in ('higher_is_better', 'lower_is_better')),
    created_at      timestamptz not null default now(),
    unique (organisation_id, code),
    check (indicator_kind <> 'processing_time' or case_type_id is not null),
    check (statistic <> 'percentile' or percentile is not null),
    check (statistic <> 'share_within' or (within_days is not null and value_unit = 'percent')),
    check (statistic = 'share_within' or value_unit in ('days', 'weeks'))
);
create index goal_organisation on goal (organisation_id);

-- Levels of a goal's assessment scale, best first. A null bound is unbounded on that side.
create table goal_scale_level (
    goal_id         bigint not null references goal (id) on delete cascade,
    position        integer not null,
    status          text not null,
    label           text,
    lower_value     numeric,
    lower_inclusive boolean not null default true,
    upper_value     numeric,
    upper_inclusive boolean not null default true,
    primary key (goal_id, position)
);

create table goal_target (
    goal_id      bigint not null references goal (id) on delete cascade,
    period_start date not null,
    target       numeric not null,
    primary key (goal_id, period_start)
);

-- Step 4: case events exactly as received, and what they add up to per case.
create table case_event (
    event_id     text primary key check (length(event_id) between 1 and 200),
    case_type_id bigint not null references case_type (id),
    case_id      text not null check (length(case_id) between 1 and 200),
    event        text not null check (event in ('received', 'completed', 'paused', 'resumed', 'decided', 'reopened')),
    occurred_at  timestamptz not null,
    ingested_at  timestamptz not null default now()
);
create index case_event_case on case_event (case_type_id, case_id, occurred_at);

-- Derived from case_event by the case clock on every ingest; can be rebuilt from it at any time.
create table case_record (
    case_type_id    bigint not null references case_type (id),
    case_id         text not null,
    received_on     date not null,
    is_open         boolean not null,
    last_decided_on date,
    -- Processing time of a decided case; null while open, or when the clock never started.
    calendar_days   integer,
    working_days    integer,
    primary key (case_type_id, case_id)
);
create index case_record_decided on case_record (case_type_id, last_decided_on) where not is_open;

-- Each stretch of time a case was open: received/reopened .. decided (closed_on null = still open).
create table case_span (
    case_type_id bigint not null,
    case_id      text not null,
    seq          integer not null,
    opened_on    date not null,
    closed_on    date,
    primary key (case_type_id, case_id, seq),
    foreign key (case_type_id, case_id) references case_record (case_type_id, case_id) on delete cascade
);
create index case_span_open on case_span (case_type_id, opened_on, closed_on);

-- API tokens: only a SHA-256 hash is stored.
create table api_token (
    id          bigint generated always as identity primary key,
    name        text not null,
    token_hash  text not null unique,
    scope       text not null check (scope in ('ingest', 'admin')),
    created_at  timestamptz not null default now(),
    revoked_at  timestamptz
);
