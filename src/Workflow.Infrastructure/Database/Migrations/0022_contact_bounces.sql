-- Bounced mail: a delivery status notification (RFC 3464) in the intake mailbox saying a supplier's address failed
-- for good. One row per failed address per report; a row stays until the address is no longer on the supplier (an edit
-- or import resolves it, with the actor) or a person resolves it with a reason.
create table workflow.contact_bounces (
    id                 bigserial primary key,
    supplier_id        uuid not null references workflow.suppliers(id),
    -- The case whose message bounced; the address belongs to the supplier, so every case of the supplier sees it.
    case_id            uuid references workflow.cases(id),
    email              text not null,
    -- The report's Arrival-Date when it has one, else when the intake read it.
    bounced_at         timestamptz not null,
    -- RFC 3463 status (5.1.1) and the remote server's own words: foreign text, shown encoded, never trusted.
    status_code        text,
    diagnostic         text,
    -- The report kept as an inbound message record on the case. No foreign key: records are never deleted (their
    -- trigger refuses it), and a reference would answer a TRUNCATE with a key error instead of the records' own refusal.
    dsn_message_id     text not null,
    message_record_id  bigint,
    resolved_at        timestamptz,
    resolved_by        text,
    resolution         text,
    constraint contact_bounces_resolved check ((resolved_at is null) = (resolved_by is null))
);
-- The intake reads a report again after a crash: one row per address per report.
create unique index contact_bounces_once on workflow.contact_bounces (dsn_message_id, lower(email));
create index contact_bounces_open on workflow.contact_bounces (supplier_id, lower(email)) where resolved_at is null;
