-- A case type whose cases concern persons in a sensitive way (health, children, social affairs …):
-- values of its goals that rest on fewer than five cases are never published. Only a case type whose
-- cases concern persons can be sensitive.
alter table case_type add column sensitive boolean not null default false;
alter table case_type add constraint case_type_sensitive_only_when_personal check (not (sensitive and not concerns_persons));
