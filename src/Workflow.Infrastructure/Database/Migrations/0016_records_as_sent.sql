-- Records as sent: every e-mail exactly as it was handed to the relay (or written as .eml), and every inbound mail
-- matched to a case exactly as the mailbox held it. The outbox row beside it keeps changing (status, attempts, errors);
-- this record never does.
create table workflow.message_records (
    id            bigserial primary key,
    case_id       uuid references workflow.cases(id),
    -- outbound: sent by the dispatcher; inbound: read from the intake mailbox.
    direction     text not null,
    -- outbound: the outbox kind (survey, reminder, ...); inbound: 'reply'.
    kind          text not null,
    -- outbound only: the outbox row and the claim (attempt) that sent this copy. A copy sent again after a crash between
    -- the relay's "250 OK" and the commit is a second record of the same row, with the same Message-ID.
    outbox_id     bigint references workflow.outbox(id),
    attempt       integer,
    message_id    text not null,
    -- outbound: when the relay accepted it (the outbox row's sent_at); inbound: the sender's Date header, if any.
    sent_at       timestamptz,
    recorded_at   timestamptz not null,
    subject       text not null,
    from_address  text,
    to_addresses  text[] not null,
    size_bytes    integer not null,
    sha256        text not null,
    raw           bytea not null,
    constraint message_records_direction check (direction in ('outbound', 'inbound')),
    constraint message_records_outbound_has_row check (direction <> 'outbound' or (outbox_id is not null and attempt is not null and sent_at is not null))
);
create unique index message_records_outbox_attempt on workflow.message_records (outbox_id, attempt) where outbox_id is not null;
-- The intake reads a mail again after a crash or when a person unflags it: kept once.
create unique index message_records_inbound on workflow.message_records (message_id) where direction = 'inbound';
create index message_records_case on workflow.message_records (case_id, recorded_at, id) where case_id is not null;

-- What was received and what was sent are evidence: refused at the database, not only absent from the code. Its own
-- function (not audit_entries_append_only) so the error names the table.
create function workflow.records_immutable() returns trigger language plpgsql as $$
begin
    raise exception '% is a stored record and cannot be changed (% refused)', tg_table_name, tg_op;
end $$;
create trigger message_records_immutable before update or delete on workflow.message_records
    for each row execute function workflow.records_immutable();
create trigger message_records_no_truncate before truncate on workflow.message_records
    for each statement execute function workflow.records_immutable();
-- Submissions (the CMRT file as received, with its evaluation) were only ever inserted; now nothing else is possible.
create trigger submissions_immutable before update or delete on workflow.submissions
    for each row execute function workflow.records_immutable();
create trigger submissions_no_truncate before truncate on workflow.submissions
    for each statement execute function workflow.records_immutable();
