-- Goals are drafted, submitted, approved by the department above and then published; only
-- published goals (and the versions they replaced) are public.
alter table goal add column state text not null default 'published'
    check (state in ('draft', 'submitted', 'approved', 'published'));
alter table goal add column state_changed_by text;
alter table goal add column state_changed_at timestamptz;
-- A code names one current published goal; a new version may be drafted beside it.
drop index goal_current_code;
create unique index goal_current_code on goal (organisation_id, code) where superseded_at is null and state = 'published';
