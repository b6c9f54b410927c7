-- Wrong passwords slow down further attempts from the same address at the same account; they no
-- longer lock the account, which anyone could do to anyone.
create table sign_in_failure (
    address        text        not null,
    username       text        not null,
    failures       integer     not null,
    last_failed_at timestamptz not null,
    primary key (address, username)
);
create index sign_in_failure_age on sign_in_failure (last_failed_at);

alter table account drop column failed_attempts, drop column locked_until;

-- Accounts made for the demo (with its published password), disabled when the application runs without the demo.
alter table account add column demo boolean not null default false;
