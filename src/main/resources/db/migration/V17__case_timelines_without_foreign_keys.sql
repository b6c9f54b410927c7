-- Case records and spans are derived from the case events by the ingest alone, written in bulk in
-- the same transaction as the events they come from; like case_event (V11) they need no per-row
-- foreign-key checks, which took a third of the time of storing them.
alter table case_span drop constraint case_span_case_type_id_case_id_fkey;
alter table case_record drop constraint case_record_case_type_id_fkey;
