-- The expected processing time falls back from the recent window to a longer one before it falls back to a goal: how
-- long that window is and how many decided cases it needs, per case type (the defaults apply where no row is stored).
alter table expected_time_setting add column long_window_days integer not null default 1095 check (long_window_days between 7 and 3660);
alter table expected_time_setting add column long_min_cases integer not null default 5 check (long_min_cases >= 1);

-- The last step of the fallback: the processing time an organisation itself states for a case type, in calendar or
-- working days, with who stated it and when.
create table case_type_stated_time (
    case_type_id bigint primary key references case_type (id),
    days         integer not null check (days between 1 and 3660),
    day_unit     text not null check (day_unit in ('calendar', 'working')),
    stated_by    text not null,
    stated_at    timestamptz not null default now()
);

-- A stated time is shown on the organisation's pages: a change raises the organisation's data version.
create trigger case_type_stated_time_inserted after insert on case_type_stated_time referencing new table as new_rows
    for each statement execute function note_organisation_change('select t.organisation_id from (select distinct case_type_id from %1$s) r left join case_type t on t.id = r.case_type_id');
create trigger case_type_stated_time_updated after update on case_type_stated_time referencing old table as old_rows new table as new_rows
    for each statement execute function note_organisation_change('select t.organisation_id from (select distinct case_type_id from %1$s) r left join case_type t on t.id = r.case_type_id');
create trigger case_type_stated_time_deleted after delete on case_type_stated_time referencing old table as old_rows
    for each statement execute function note_organisation_change('select t.organisation_id from (select distinct case_type_id from %1$s) r left join case_type t on t.id = r.case_type_id');
create trigger case_type_stated_time_truncated after truncate on case_type_stated_time
    for each statement execute function note_data_change();
