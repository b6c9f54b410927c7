-- Processing times of decided cases counted per case type, month of the last decision and whole
-- number of days (calendar and working days separately): every period a goal is measured over is
-- whole months, so means, shares within a limit and exact percentiles come from these counts
-- without reading the cases. Kept up to date with case_record by every ingest, in the same transaction.
-- Like case_event, it has no foreign key: its rows are written in bulk and derive from case_record.
create table case_days (
    case_type_id bigint  not null,
    month        date    not null check (extract(day from month) = 1),
    working      boolean not null,
    days         integer not null,
    cases        integer not null,
    primary key (case_type_id, working, month, days)
);

insert into case_days (case_type_id, month, working, days, cases)
select case_type_id, month, working, days, count(*)
from (select r.case_type_id, date_trunc('month', r.last_decided_on)::date as month, w.working,
             case when w.working then r.working_days else r.calendar_days end as days
      from case_record r cross join (values (false), (true)) as w(working)
      where not r.is_open) d
where days is not null
group by case_type_id, month, working, days;

create trigger case_days_changes_data after insert or update or delete or truncate on case_days
    for each statement execute function note_data_change();
