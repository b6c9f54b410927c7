-- Every change made through the API: who, when, what (method, path, body), and how it ended.
create table audit_log (
    id           bigint generated always as identity primary key,
    at           timestamptz not null default now(),
    actor        text not null,
    method       text not null,
    path         text not null,
    status       integer not null,
    content_type text,
    body_bytes   bigint not null,
    body_sha256  text,
    body_excerpt text
);
create index audit_log_at on audit_log (at desc);
