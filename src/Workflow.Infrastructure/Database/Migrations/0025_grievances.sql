-- The grievance mechanism (OECD step 1): concerns anyone may raise, named or anonymous, about smelters, suppliers,
-- countries or metals; triaged by investigators through their own machine (received → under-review → investigating →
-- resolved / dismissed), with their own append-only audit. Nothing here refers to the requester's network address:
-- an anonymous report stores no data that identifies its author.
create sequence workflow.concern_reference_seq;

create table workflow.concerns (
    id                 uuid primary key,
    reference          text not null unique default ('G-' || lpad(nextval('workflow.concern_reference_seq')::text, 6, '0')),
    -- web, email, hotline, letter, in-person, other
    channel            text not null,
    state              text not null,
    description        text not null,
    smelter            text,
    supplier           text,
    country            text,
    metal              text,
    occurred           text,
    language           text not null default 'en',
    -- The reporter, when named. Shown to compliance owners only; never in an export.
    reporter_name      text,
    reporter_email     text,
    reporter_phone     text,
    -- SHA-256 of the secret follow-up token; the token itself exists only in the link the reporter was given.
    follow_up_hash     bytea not null unique,
    received_at        timestamptz not null,
    -- The first time a person of ours acted on it (a transition or a reply): "time to first response".
    first_response_at  timestamptz,
    -- The last time a person of ours acted on it; the escalation timer counts from here.
    touched_at         timestamptz not null,
    -- When the untouched-concern timer fires next (null once resolved or dismissed).
    due_at             timestamptz,
    closed_at          timestamptz,
    outcome_reason     text,
    version            integer not null default 0,
    -- Intake by mail: the Message-ID, so a crash between storing and moving the mail does not create it twice.
    message_id         text unique,
    constraint concerns_state check (state in ('received', 'under-review', 'investigating', 'resolved', 'dismissed'))
);
create index concerns_state on workflow.concerns (state, received_at);
create index concerns_due on workflow.concerns (due_at) where due_at is not null;
create index concerns_received on workflow.concerns (received_at);

-- Files a reporter attached (evidence): stored as received, served to investigators as downloads only.
create table workflow.concern_files (
    id           uuid primary key,
    concern_id   uuid not null references workflow.concerns(id),
    message_id   uuid,
    file_name    text not null,
    content_type text not null,
    size_bytes   integer not null,
    sha256       text not null,
    content      bytea not null,
    received_at  timestamptz not null
);
create index concern_files_concern on workflow.concern_files (concern_id);

-- What the reporter and the investigators told each other, in order. The reporter reads these through the secret link.
create table workflow.concern_messages (
    id          uuid primary key,
    -- The order they were written in (several can share a timestamp).
    seq         bigserial not null,
    concern_id  uuid not null references workflow.concerns(id),
    at          timestamptz not null,
    -- to-reporter (one of ours wrote it) or from-reporter (the reporter added information)
    direction   text not null,
    author      text not null,
    body        text not null,
    constraint concern_messages_direction check (direction in ('to-reporter', 'from-reporter'))
);
create index concern_messages_concern on workflow.concern_messages (concern_id, seq);
create trigger concern_messages_no_update before update or delete on workflow.concern_messages
    for each row execute function workflow.audit_entries_append_only();

-- What a concern is about in our records: a smelter (by CID), a supplier, a case; substantiated or not.
create table workflow.concern_links (
    id              bigserial primary key,
    concern_id      uuid not null references workflow.concerns(id),
    cid             text,
    supplier_id     uuid references workflow.suppliers(id),
    case_id         uuid references workflow.cases(id),
    substantiated   boolean not null,
    -- The draft policy version substantiating a smelter prepared.
    draft_version   text,
    at              timestamptz not null,
    actor           text not null,
    constraint concern_links_target check (num_nonnulls(cid, supplier_id, case_id) = 1)
);
create index concern_links_concern on workflow.concern_links (concern_id);

-- Every change of a concern: who, when, why, from which state to which, under which grievance definition.
create table workflow.concern_audit (
    id                  bigserial primary key,
    concern_id          uuid not null references workflow.concerns(id),
    at                  timestamptz not null,
    actor               text not null,
    action              text not null,
    from_state          text,
    to_state            text,
    reason              text,
    definition_version  text not null,
    data                jsonb
);
create index concern_audit_concern on workflow.concern_audit (concern_id, id);
create trigger concern_audit_no_update before update or delete on workflow.concern_audit
    for each row execute function workflow.audit_entries_append_only();
create trigger concern_audit_no_truncate before truncate on workflow.concern_audit
    for each statement execute function workflow.audit_entries_append_only();
