-- The rules the derived case data (case_record, case_span, case_days) was last computed under: the counting
-- rules' version and a fingerprint of the public holidays. When the application starts with other rules (a
-- changed counting rule, a new holiday calendar) it rebuilds the derived data from the stored events and
-- records the new version here. No row: never recorded, so the first start after this migration rebuilds.
create table derived_data_rules (
    id         boolean primary key default true check (id),
    version    text not null,
    rebuilt_at timestamptz not null
);
