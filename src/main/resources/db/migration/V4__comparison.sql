-- Step 5: comparison across organisations.

-- Goals that measure the same thing in several organisations share an indicator key; comparisons
-- use it and never guess from names.
alter table goal add column indicator_key text check (indicator_key ~ '^[a-z0-9]+(-[a-z0-9]+)*$');
create index goal_indicator_key on goal (indicator_key) where indicator_key is not null;

-- The region a municipality (or any organisation) lies in, for filtering comparisons.
alter table organisation add column region text
    check (region in ('hovedstaden', 'sjaelland', 'syddanmark', 'midtjylland', 'nordjylland'));

-- The institution's own comment on a goal's result for a period, shown in follow-up reports.
create table goal_comment (
    goal_id      bigint not null references goal (id) on delete cascade,
    period_kind  text not null check (period_kind in ('year', 'half', 'quarter', 'month')),
    period_start date not null,
    comment      text not null check (length(trim(comment)) > 0),
    written_by   text not null,
    written_at   timestamptz not null default now(),
    primary key (goal_id, period_kind, period_start)
);
