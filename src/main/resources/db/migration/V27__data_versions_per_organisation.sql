-- Data versions per organisation, so that one organisation's upload leaves what was computed for the others in use.
--
-- Every committed change still takes the next number of data_version.version, so that number is raised by any change
-- anywhere. A change that belongs to organisations (a goal, a case type's records, a survey's answers, ...) stores its
-- number as their version in organisation_version; a change that belongs to no single organisation (the organisations
-- themselves, whose names and tree every page shows; a truncate; a row whose owner is gone) stores it as the shared
-- version. What was read from a set of organisations is kept under greatest(shared, each one's version): any later
-- change to one of them gets a number above every number handed out before, so that greatest rises.
alter table data_version add column shared bigint;
update data_version set shared = version;
alter table data_version alter column shared set not null;

create table organisation_version (
    organisation_id bigint primary key,
    version         bigint not null
);

-- Hands out the next number and stores it as the shared version (everything) or as the given organisations' version.
-- The data_version row stays locked until the transaction ends, so numbers are handed out in commit order.
create function raise_data_version(everything boolean, organisations bigint[]) returns void language plpgsql as $$
declare
    next bigint;
begin
    update data_version set version = version + 1 returning version into next;
    if everything then
        update data_version set shared = next;
    else
        insert into organisation_version (organisation_id, version)
        select distinct o, next from unnest(organisations) o where o is not null
        on conflict (organisation_id) do update set version = excluded.version;
    end if;
end $$;

-- Notes a change to the given organisations (a null among them is an owner not found: everything). Inside a transaction
-- marked with klaremaal.defer_version (the application's), the change is only noted and the number handed out once, at
-- commit (bump_data_version_if_changed), so the data_version row is locked only briefly; otherwise at once.
create function note_change(everything boolean, organisations bigint[]) returns void language plpgsql as $$
declare
    all_of_it boolean := everything or array_position(organisations, null) is not null;
begin
    if current_setting('klaremaal.defer_version', true) = 'on' then
        perform set_config('klaremaal.changed', 'on', true);
        if all_of_it then
            perform set_config('klaremaal.changed_everything', 'on', true);
        else
            perform set_config('klaremaal.changed_organisations',
                (select coalesce(string_agg(distinct o::text, ','), '')
                 from unnest(string_to_array(nullif(current_setting('klaremaal.changed_organisations', true), ''), ',')::bigint[]
                             || organisations) o
                 where o is not null), true);
        end if;
    else
        perform raise_data_version(all_of_it, organisations);
    end if;
end $$;

-- Triggers that do not know the organisation (the organisation table's, truncates, and any table added later with
-- this trigger) change everything.
create or replace function note_data_change() returns trigger language plpgsql as $$
begin
    perform note_change(true, '{}');
    return null;
end $$;

create or replace function bump_data_version_if_changed() returns void language plpgsql as $$
begin
    if current_setting('klaremaal.changed', true) = 'on' then
        perform raise_data_version(coalesce(current_setting('klaremaal.changed_everything', true), '') = 'on',
                                   string_to_array(nullif(current_setting('klaremaal.changed_organisations', true), ''), ',')::bigint[]);
        perform set_config('klaremaal.changed', 'off', true);
        perform set_config('klaremaal.changed_everything', 'off', true);
        perform set_config('klaremaal.changed_organisations', '', true);
    end if;
end $$;

-- A statement's changed rows (transition tables new_rows and old_rows) are given to the query in TG_ARGV[0] (%1$s
-- stands for them), which names the organisation each row belongs to, null when its owner is not found.
create function note_organisation_change() returns trigger language plpgsql as $$
declare
    owners bigint[] := '{}';
    found  bigint[];
begin
    if TG_OP in ('INSERT', 'UPDATE') then
        execute format('select array(' || TG_ARGV[0] || ')', 'new_rows') into found;
        owners := owners || found;
    end if;
    if TG_OP in ('UPDATE', 'DELETE') then
        execute format('select array(' || TG_ARGV[0] || ')', 'old_rows') into found;
        owners := owners || found;
    end if;
    if cardinality(owners) > 0 then
        perform note_change(false, owners);
    end if;
    return null;
end $$;

do $$
declare
    by_organisation constant text := 'select distinct organisation_id from %1$s';
    by_case_type    constant text := 'select t.organisation_id from (select distinct case_type_id from %1$s) r left join case_type t on t.id = r.case_type_id';
    by_survey       constant text := 'select s.organisation_id from (select distinct survey_id from %1$s) r left join survey s on s.id = r.survey_id';
    by_question     constant text := 'select s.organisation_id from (select distinct survey_question_id from %1$s) r'
                                     ' left join survey_question q on q.id = r.survey_question_id left join survey s on s.id = q.survey_id';
    by_system       constant text := 'select m.organisation_id from (select distinct system_id from %1$s) r left join monitored_system m on m.id = r.system_id';
    by_series       constant text := 'select s.organisation_id from (select distinct series_id from %1$s) r left join series s on s.id = r.series_id';
    by_goal         constant text := 'select g.organisation_id from (select distinct goal_id from %1$s) r left join goal g on g.id = r.goal_id';
    by_plan         constant text := 'select p.organisation_id from (select distinct plan_id from %1$s) r left join plan p on p.id = r.plan_id';
    owner_of        jsonb := jsonb_build_object(
        'service', by_organisation, 'case_type', by_organisation, 'survey', by_organisation, 'monitored_system', by_organisation, 'series', by_organisation,
        'contact', by_organisation, 'survey_response', by_organisation, 'goal', by_organisation, 'organisation_contact', by_organisation, 'plan', by_organisation,
        'case_record', by_case_type, 'case_span', by_case_type, 'case_days', by_case_type, 'expected_time_setting', by_case_type,
        'letter_template', by_case_type,
        'survey_question', by_survey, 'survey_aggregate', by_question,
        'downtime', by_system, 'availability_probe', by_system, 'series_value', by_series,
        'goal_target', by_goal, 'goal_scale_level', by_goal, 'goal_milestone', by_goal, 'goal_comment', by_goal,
        'plan_version', by_plan, 'plan_followup', by_plan, 'plan_assessment_override', by_plan);
    t               text;
begin
    for t in select jsonb_object_keys(owner_of) loop
        execute format('drop trigger if exists %I on %I', t || '_changes_data', t);
        execute format('create trigger %I after insert on %I referencing new table as new_rows for each statement '
                       'execute function note_organisation_change(%L)', t || '_inserted', t, owner_of ->> t);
        execute format('create trigger %I after update on %I referencing old table as old_rows new table as new_rows for each statement '
                       'execute function note_organisation_change(%L)', t || '_updated', t, owner_of ->> t);
        execute format('create trigger %I after delete on %I referencing old table as old_rows for each statement '
                       'execute function note_organisation_change(%L)', t || '_deleted', t, owner_of ->> t);
        execute format('create trigger %I after truncate on %I for each statement execute function note_data_change()',
                       t || '_truncated', t);
    end loop;
end $$;
