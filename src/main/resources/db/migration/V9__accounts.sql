-- Staff accounts and their roles per organisation; sessions shared by every application node.

create table account (
    id              bigint generated always as identity primary key,
    username        text not null unique check (username ~ '^[a-z0-9._@-]{3,100}$'),
    display_name    text not null check (length(trim(display_name)) > 0),
    -- A DelegatingPasswordEncoder hash ({bcrypt}…); null for accounts that sign in only by single sign-on.
    password_hash   text,
    failed_attempts integer not null default 0,
    locked_until    timestamptz,
    created_at      timestamptz not null default now()
);

-- A role in an organisation and the organisations below it; organisation null = all organisations.
create table account_role (
    account_id      bigint not null references account (id) on delete cascade,
    organisation_id bigint references organisation (id),
    role            text not null check (role in ('administrator', 'approver', 'editor', 'reporter', 'reader'))
);
create unique index account_role_once on account_role (account_id, coalesce(organisation_id, 0), role);

-- Spring Session's tables (as its schema-postgresql.sql), so a sign-in holds on every node.
create table spring_session (
    primary_id            char(36) not null,
    session_id            char(36) not null,
    creation_time         bigint not null,
    last_access_time      bigint not null,
    max_inactive_interval int not null,
    expiry_time           bigint not null,
    principal_name        varchar(100),
    constraint spring_session_pk primary key (primary_id)
);
create unique index spring_session_ix1 on spring_session (session_id);
create index spring_session_ix2 on spring_session (expiry_time);
create index spring_session_ix3 on spring_session (principal_name);

create table spring_session_attributes (
    session_primary_id char(36) not null,
    attribute_name     varchar(200) not null,
    attribute_bytes    bytea not null,
    constraint spring_session_attributes_pk primary key (session_primary_id, attribute_name),
    constraint spring_session_attributes_fk foreign key (session_primary_id) references spring_session (primary_id) on delete cascade
);
