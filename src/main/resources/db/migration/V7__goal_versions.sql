-- A published goal is changed only as a new version: the new row points to the one it replaces,
-- which is kept, marked superseded, so the public page can show what changed and when.
alter table goal add column previous_id bigint references goal (id);
alter table goal add column superseded_at timestamptz;
create unique index goal_one_successor on goal (previous_id) where previous_id is not null;
-- A code names one current goal; replaced versions keep theirs.
alter table goal drop constraint goal_organisation_id_code_key;
create unique index goal_current_code on goal (organisation_id, code) where superseded_at is null;
