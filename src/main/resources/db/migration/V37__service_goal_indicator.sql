-- The service-goal agreement: a case type's service goal (servicemål) is the number of calendar days
-- within which its cases should be decided, counted by the case type's own clock (from the complete
-- application where it says so, pauses deducted where it says so). A case type without a row has none.
create table case_type_service_goal (
    case_type_id bigint primary key references case_type (id),
    days         integer not null check (days between 1 and 3650)
);

-- A service-goal indicator spans every case type of one service that has a service goal: each case is
-- judged against its own case type's days.
alter table goal add column service_id bigint references service (id);
alter table goal drop constraint goal_indicator_kind_check;
alter table goal add constraint goal_indicator_kind_check check (indicator_kind in
    ('processing_time', 'contacts', 'satisfaction', 'availability', 'count', 'ratio', 'reported', 'milestones', 'service_goal'));
alter table goal add constraint goal_service_needed check ((indicator_kind = 'service_goal') = (service_id is not null));

-- A changed service goal changes the results of its organisation's service-goal goals.
create trigger case_type_service_goal_inserted after insert on case_type_service_goal referencing new table as new_rows
    for each statement execute function note_organisation_change(
        'select t.organisation_id from (select distinct case_type_id from %1$s) r left join case_type t on t.id = r.case_type_id');
create trigger case_type_service_goal_updated after update on case_type_service_goal referencing old table as old_rows new table as new_rows
    for each statement execute function note_organisation_change(
        'select t.organisation_id from (select distinct case_type_id from %1$s) r left join case_type t on t.id = r.case_type_id');
create trigger case_type_service_goal_deleted after delete on case_type_service_goal referencing old table as old_rows
    for each statement execute function note_organisation_change(
        'select t.organisation_id from (select distinct case_type_id from %1$s) r left join case_type t on t.id = r.case_type_id');
create trigger case_type_service_goal_changes_data after truncate on case_type_service_goal
    for each statement execute function note_data_change();
