-- Comparison groups (peer groups): named groups of organisations that are fair to compare, e.g. by
-- population band or by urban/rural. An organisation may belong to several groups.
create table comparison_group (
    id          bigserial primary key,
    slug        text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and length(slug) <= 80),
    name        text not null check (length(trim(name)) between 1 and 200),
    name_en     text check (name_en is null or length(trim(name_en)) between 1 and 200),
    description text check (description is null or length(description) <= 2000),
    created_at  timestamptz not null default now()
);

create table comparison_group_member (
    group_id        bigint not null references comparison_group (id) on delete cascade,
    organisation_id bigint not null references organisation (id) on delete cascade,
    primary key (group_id, organisation_id)
);
create index comparison_group_member_organisation on comparison_group_member (organisation_id);
