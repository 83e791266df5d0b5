-- Notes on a case for a person: something the service refused or could not do by itself (e.g. a supplier who keeps
-- uploading after the case's file limit). One row per case and kind, counting how often it happened.
create table workflow.case_notes (
    case_id      uuid not null references workflow.cases(id),
    kind         text not null,
    text         text not null,
    first_at     timestamptz not null,
    last_at      timestamptz not null,
    occurrences  integer not null default 1,
    primary key (case_id, kind)
);

-- Uploads through supplier links, counted per link and per client address over a sliding hour, in the database so
-- that every instance enforces one limit. Keys are keyed hashes: no token or address is stored in clear.
create table workflow.upload_attempts (
    id          bigserial primary key,
    link_key    text not null,
    client_key  text not null,
    at          timestamptz not null
);
create index upload_attempts_link on workflow.upload_attempts (link_key, at);
create index upload_attempts_client on workflow.upload_attempts (client_key, at);
create index upload_attempts_at on workflow.upload_attempts (at);
