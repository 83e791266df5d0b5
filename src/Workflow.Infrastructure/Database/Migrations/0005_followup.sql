-- E-mail outbox: every message the service sends exists here exactly once per (case, kind, occurrence) before it
-- leaves, written in the same transaction as the change that caused it.
create table workflow.outbox (
    id               bigserial primary key,
    case_id          uuid references workflow.cases(id),
    kind             text not null,
    occurrence       text not null,
    data             jsonb not null default '{}',
    -- pending: waiting for next_attempt_at; sending: claimed until next_attempt_at (a lease); sent; skipped (no recipient).
    status           text not null default 'pending',
    created_at       timestamptz not null,
    next_attempt_at  timestamptz not null,
    attempts         integer not null default 0,
    last_error       text,
    message_id       text,
    sent_at          timestamptz,
    constraint outbox_status check (status in ('pending', 'sending', 'sent', 'skipped'))
);
-- Messages without a case (the daily digest) are unique per kind and occurrence too.
create unique index outbox_once on workflow.outbox
    (coalesce(case_id, '00000000-0000-0000-0000-000000000000'::uuid), kind, occurrence);
create index outbox_due on workflow.outbox (next_attempt_at, id) where status in ('pending', 'sending');
create index outbox_case on workflow.outbox (case_id) where case_id is not null;

-- Mail read from the intake mailbox, by Message-ID, so a crash between submitting and moving it does not submit twice.
create table workflow.inbound_messages (
    message_id    text primary key,
    case_id       uuid references workflow.cases(id),
    received_at   timestamptz not null,
    outcome       text not null
);
