-- What a write changed: a list of {entity, id, before, after}, each side the whole record as JSON
-- (before null for something new, after null for something removed). Staff pages are audited as well as the API.
alter table audit_log add column changes jsonb;
