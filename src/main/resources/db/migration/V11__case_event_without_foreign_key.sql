-- Case events are the largest table by far. The ingest resolves every event's case type from the
-- catalogue before storing it, and case types are never deleted, so the per-row foreign-key check
-- (a third of the time of a bulk insert) is dropped; case_record keeps its key to case_type.
alter table case_event drop constraint case_event_case_type_id_fkey;
