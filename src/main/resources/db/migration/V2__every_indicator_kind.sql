-- Every kind of indicator: contacts, satisfaction, availability, counts and ratios, reported values
-- and milestones; targets relative to a baseline; scales on the share of the target; compound goals.

-- Sources of measurements that are not case events, declared per organisation.
create table survey (
    id              bigint generated always as identity primary key,
    organisation_id bigint not null references organisation (id),
    code            text not null check (code ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    name            text not null check (length(trim(name)) > 0),
    -- Answers are whole numbers 1..scale_max; labels[i] names answer i (e.g. 'Meget tilfreds').
    scale_max       integer not null check (scale_max between 2 and 11),
    labels          text[] not null check (cardinality(labels) = scale_max),
    unique (organisation_id, code)
);

create table survey_question (
    id        bigint generated always as identity primary key,
    survey_id bigint not null references survey (id),
    code      text not null check (code ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    text      text not null check (length(trim(text)) > 0),
    unique (survey_id, code)
);

-- A self-service solution whose availability is followed from monitored_from (to monitored_to, when
-- monitoring has ended); outside that time nothing is known about it.
create table monitored_system (
    id              bigint generated always as identity primary key,
    organisation_id bigint not null references organisation (id),
    code            text not null check (code ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    name            text not null check (length(trim(name)) > 0),
    monitored_from  date not null,
    monitored_to    date,
    unique (organisation_id, code),
    check (monitored_to is null or monitored_to >= monitored_from)
);

-- A figure reported per period (counts, ratings, hours freed) and how a longer period adds it up.
create table series (
    id              bigint generated always as identity primary key,
    organisation_id bigint not null references organisation (id),
    code            text not null check (code ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    name            text not null check (length(trim(name)) > 0),
    unit            text not null check (unit in ('count', 'number', 'score', 'percent', 'hours', 'days')),
    aggregation     text not null check (aggregation in ('sum', 'last', 'mean')),
    unique (organisation_id, code)
);

-- Goal: the indicator's kind-specific settings.
do $$
declare c record;
begin
    for c in select conname from pg_constraint where conrelid = 'goal'::regclass and contype = 'c' loop
        execute format('alter table goal drop constraint %I', c.conname);
    end loop;
end $$;

alter table goal
    add column within_seconds        integer check (within_seconds >= 0),
    add column channel               text,
    add column outcome               text,
    add column survey_question_id    bigint references survey_question (id),
    add column score_level           integer,
    add column secondary_score_level integer,
    add column system_id             bigint references monitored_system (id),
    add column series_id             bigint references series (id),
    add column denominator_series_id bigint references series (id),
    -- A target relative to a baseline: target = baseline × (1 + change_num / change_den).
    add column baseline_period       text,
    add column baseline_value        numeric,
    add column change_num            numeric,
    add column change_den            numeric check (change_den <> 0),
    -- 'absolute': the scale assesses the value; 'percent_of_target': value ÷ target × 100.
    add column scale_basis           text not null default 'absolute' check (scale_basis in ('absolute', 'percent_of_target'));

alter table goal
    add constraint goal_sentence_check check (length(trim(sentence)) > 0),
    add constraint goal_dimension_check check (length(trim(dimension)) > 0),
    add constraint goal_indicator_kind_check check (indicator_kind in
        ('processing_time', 'contacts', 'satisfaction', 'availability', 'count', 'ratio', 'reported', 'milestones')),
    add constraint goal_statistic_check check (statistic in
        ('mean', 'median', 'percentile', 'share_within', 'share_outcome', 'missed_count', 'share_at_least', 'compound',
         'uptime', 'sum', 'ratio', 'value', 'share_done')),
    add constraint goal_percentile_check check (percentile > 0 and percentile < 100),
    add constraint goal_within_days_check check (within_days >= 0),
    add constraint goal_day_unit_check check (day_unit in ('calendar', 'working')),
    add constraint goal_value_unit_check check (value_unit in
        ('days', 'weeks', 'percent', 'seconds', 'count', 'score', 'number', 'hours')),
    add constraint goal_period_kind_check check (period_kind in ('year', 'half', 'quarter', 'month')),
    add constraint goal_scale_kind_check check (scale_kind in ('binary', 'traffic_light', 'fulfilment')),
    add constraint goal_scale_direction_check check (scale_direction in ('higher_is_better', 'lower_is_better')),
    add constraint goal_case_type_needed check (indicator_kind <> 'processing_time' or case_type_id is not null),
    add constraint goal_percentile_needed check (statistic <> 'percentile' or percentile is not null),
    add constraint goal_contacts_channel check (indicator_kind <> 'contacts' or channel is not null),
    add constraint goal_survey_needed check (indicator_kind <> 'satisfaction' or survey_question_id is not null),
    add constraint goal_system_needed check (indicator_kind <> 'availability' or system_id is not null),
    add constraint goal_series_needed check (indicator_kind not in ('reported', 'ratio') or series_id is not null),
    add constraint goal_count_source check (indicator_kind <> 'count' or series_id is not null or case_type_id is not null),
    add constraint goal_ratio_denominator check (indicator_kind <> 'ratio' or denominator_series_id is not null or case_type_id is not null),
    add constraint goal_baseline_complete check ((baseline_period is null) = (change_num is null) and (change_num is null) = (change_den is null));

-- Compound goals assess more than one value; component 0 is the main value, 1 the second.
alter table goal_scale_level add column component smallint not null default 0 check (component in (0, 1));
alter table goal_scale_level drop constraint goal_scale_level_pkey;
alter table goal_scale_level add primary key (goal_id, component, position);

create table goal_milestone (
    goal_id   bigint not null references goal (id) on delete cascade,
    position  integer not null,
    title     text not null check (length(trim(title)) > 0),
    due_on    date not null,
    done_on   date,
    evidence  text,
    reported_by text,
    reported_at timestamptz,
    primary key (goal_id, position),
    check ((done_on is null) = (reported_by is null))
);

-- Contacts: calls, e-mails and letters. Neither answered nor abandoned = still pending.
create table contact (
    organisation_id   bigint not null references organisation (id),
    contact_id        text not null check (length(contact_id) between 1 and 200),
    channel           text not null check (channel ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    offered_at        timestamptz not null,
    -- The local date (Europe/Copenhagen) it was offered on: the period it belongs to.
    offered_on        date not null,
    answered_at       timestamptz,
    abandoned         boolean not null default false,
    outcome           text,
    -- Derived at ingest: the wait in seconds and in calendar and working days (local dates).
    wait_seconds      bigint,
    wait_days         integer,
    wait_working_days integer,
    ingested_at       timestamptz not null default now(),
    primary key (organisation_id, contact_id),
    check (not (abandoned and answered_at is not null)),
    check (answered_at is null or answered_at >= offered_at),
    check ((answered_at is null) = (wait_seconds is null))
);
create index contact_offered on contact (organisation_id, channel, offered_on);

create table survey_response (
    organisation_id    bigint not null references organisation (id),
    response_id        text not null check (length(response_id) between 1 and 200),
    survey_question_id bigint not null references survey_question (id),
    answered_on        date not null,
    score              integer not null check (score >= 1),
    ingested_at        timestamptz not null default now(),
    primary key (organisation_id, response_id, survey_question_id)
);
create index survey_response_question on survey_response (survey_question_id, answered_on);

-- Reported aggregates of a survey run: the number of respondents at each answer in a period.
create table survey_aggregate (
    survey_question_id bigint not null references survey_question (id),
    period_kind        text not null check (period_kind in ('year', 'half', 'quarter', 'month')),
    period_start       date not null,
    score              integer not null check (score >= 1),
    respondents        integer not null check (respondents >= 0),
    reported_by        text not null,
    reported_at        timestamptz not null default now(),
    primary key (survey_question_id, period_kind, period_start, score)
);

create table downtime (
    system_id    bigint not null references monitored_system (id),
    downtime_id  text not null check (length(downtime_id) between 1 and 200),
    started_at   timestamptz not null,
    ended_at     timestamptz not null,
    ingested_at  timestamptz not null default now(),
    primary key (system_id, downtime_id),
    check (ended_at > started_at)
);

create table availability_probe (
    system_id  bigint not null references monitored_system (id),
    probed_at  timestamptz not null,
    up         boolean not null,
    primary key (system_id, probed_at)
);

-- Reported values are never overwritten: a correction is a newer row, and the newest one counts.
create table series_value (
    id           bigint generated always as identity primary key,
    series_id    bigint not null references series (id),
    period_kind  text not null check (period_kind in ('year', 'half', 'quarter', 'month')),
    period_start date not null,
    value        numeric not null,
    note         text,
    reported_by  text not null check (length(trim(reported_by)) > 0),
    reported_via text,
    reported_at  timestamptz not null default now()
);
create index series_value_period on series_value (series_id, period_start, reported_at desc);

-- A target may be for the goal's own kind of period or, for shorter periods, for a whole year.
alter table goal_target add column period_kind text check (period_kind in ('year', 'half', 'quarter', 'month'));
update goal_target t set period_kind = g.period_kind from goal g where g.id = t.goal_id;
alter table goal_target alter column period_kind set not null;
alter table goal_target drop constraint goal_target_pkey;
alter table goal_target add primary key (goal_id, period_kind, period_start);
