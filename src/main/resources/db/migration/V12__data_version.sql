-- A number that grows whenever data that results are computed from changes, committed together with
-- the change. Nodes cache computed results under it: a reader takes the version first and computes
-- from data at least that new, so a cached result is never older than its version.
create table data_version (
    id      boolean primary key default true check (id),
    version bigint not null
);
insert into data_version (version) values (0);

-- Inside a transaction that marks itself with klaremaal.defer_version (the application does, for all
-- its transactions), a change only notes that it happened, and the version is raised once when the
-- transaction commits (bump_data_version_if_changed), so the row is locked only briefly. Any other
-- change raises it at once.
create function note_data_change() returns trigger language plpgsql as $$
begin
    if current_setting('klaremaal.defer_version', true) = 'on' then
        perform set_config('klaremaal.changed', 'on', true);
    else
        update data_version set version = version + 1;
    end if;
    return null;
end $$;

create function bump_data_version_if_changed() returns void language plpgsql as $$
begin
    if current_setting('klaremaal.changed', true) = 'on' then
        update data_version set version = version + 1;
        perform set_config('klaremaal.changed', 'off', true);
    end if;
end $$;

do $$
declare
    t text;
begin
    foreach t in array array['organisation', 'case_type', 'case_record', 'case_span', 'survey', 'survey_question', 'monitored_system',
                             'series', 'contact', 'survey_response', 'survey_aggregate', 'downtime', 'availability_probe', 'series_value']
    loop
        execute format('create trigger %I after insert or update or delete or truncate on %I for each statement execute function note_data_change()',
                       t || '_changes_data', t);
    end loop;
end $$;
