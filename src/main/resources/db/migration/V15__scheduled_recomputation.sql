-- Scheduled jobs run once per slot (e.g. once a night) however many nodes there are: the node that
-- inserts the slot's row runs it. A run that has not finished within its lease may be taken over.
create table scheduled_run (
    job         text not null,
    slot        text not null,
    node        text not null,
    started_at  timestamptz not null default now(),
    finished_at timestamptz,
    outcome     text,
    primary key (job, slot)
);

-- Every goal's results as the nightly recomputation found them, under the data version they were
-- computed from and the day they were computed on: a node serves them while both still hold, instead
-- of computing them again. Writing them does not change the data version.
create table result_snapshot (
    goal_id      bigint primary key references goal (id) on delete cascade,
    data_version bigint not null,
    computed_on  date not null,
    results      jsonb not null
);
