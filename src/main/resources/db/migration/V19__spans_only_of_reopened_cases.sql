-- A case that was never reopened has one span, from its receipt to its decision (or still open), which its
-- record already holds (received_on, last_decided_on). case_span now keeps only the spans of reopened cases
-- (two or more), marked on their records: about one case in seventy, where it held a row for every case,
-- written and indexed on every ingest.
alter table case_record add column reopened boolean not null default false;
update case_record r set reopened = true
where exists (select from case_span s where s.case_type_id = r.case_type_id and s.case_id = r.case_id and s.seq > 1);
delete from case_span s using case_record r
where r.case_type_id = s.case_type_id and r.case_id = s.case_id and not r.reopened;
