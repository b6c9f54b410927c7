-- API tokens may be limited to one organisation (and the organisations below it); read-only tokens.
alter table api_token add column organisation_id bigint references organisation (id);
alter table api_token drop constraint api_token_scope_check;
alter table api_token add constraint api_token_scope_check check (scope in ('read', 'ingest', 'admin'));
alter table api_token add column created_by text;
