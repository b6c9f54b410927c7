-- Performance plans (mål- og resultatplaner): one plan per organisation and year. What the plan
-- says (mission, vision, bearings, goals, quarterly milestones, links to goals that measure it and
-- the rule for the annual assessment) is kept as numbered versions that are never changed: a
-- change during the year adds a version with the date it applies from and the reason.
create table plan (
    id              bigserial primary key,
    organisation_id bigint not null references organisation (id),
    year            integer not null check (year between 2000 and 2100),
    unique (organisation_id, year)
);

create table plan_version (
    plan_id     bigint not null references plan (id) on delete cascade,
    number      integer not null check (number >= 1),
    valid_from  date not null,
    reason      text not null,
    changed_by  text not null,
    recorded_at timestamptz not null default now(),
    content     jsonb not null,
    primary key (plan_id, number)
);

-- The quarterly follow-up of a milestone, by the milestone's key (which stays the same across versions).
create table plan_followup (
    plan_id     bigint not null references plan (id) on delete cascade,
    milestone   text not null,
    status      text not null check (status in ('reached', 'partly_reached', 'not_reached')),
    value       numeric,
    comment     text not null,
    reported_by text not null,
    reported_at timestamptz not null default now(),
    primary key (plan_id, milestone)
);

-- An annual assessment decided otherwise than the plan's rule gives, with the public justification.
create table plan_assessment_override (
    plan_id       bigint not null references plan (id) on delete cascade,
    goal          text not null,
    status        text not null check (status in ('met', 'partly_met', 'not_met')),
    justification text not null,
    decided_by    text not null,
    decided_at    timestamptz not null default now(),
    primary key (plan_id, goal)
);

do $$
declare
    t text;
begin
    foreach t in array array['plan', 'plan_version', 'plan_followup', 'plan_assessment_override']
    loop
        execute format('create trigger %I after insert or update or delete or truncate on %I for each statement execute function note_data_change()',
                       t || '_changes_data', t);
    end loop;
end $$;
