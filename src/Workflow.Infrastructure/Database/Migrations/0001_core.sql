-- Campaigns, suppliers, supplier cases, submissions and the append-only audit trail.
create table workflow.campaigns (
    id                uuid primary key,
    name              text not null,
    period_start      date not null,
    period_end        date not null,
    response_due_date date not null,
    policy_version    text not null default 'default',
    launched_at       timestamptz,
    created_at        timestamptz not null,
    created_by        text not null,
    constraint campaigns_period check (period_end >= period_start)
);

create table workflow.suppliers (
    id              uuid primary key,
    name            text not null,
    email           text not null,
    contact_emails  text[] not null default '{}',
    contact_name    text,
    country         text,
    spend           numeric(18,2),
    delivery_qty    numeric(18,3),
    in_scope        boolean not null default true,
    parts           text[] not null default '{}',
    language        text not null default 'en',
    created_at      timestamptz not null,
    updated_at      timestamptz not null
);
create unique index suppliers_email_key on workflow.suppliers (lower(email));

create table workflow.campaign_suppliers (
    campaign_id uuid not null references workflow.campaigns(id),
    supplier_id uuid not null references workflow.suppliers(id),
    added_at    timestamptz not null,
    primary key (campaign_id, supplier_id)
);

create sequence workflow.case_reference_seq;

create table workflow.cases (
    id                 uuid primary key,
    reference          text not null unique default ('C-' || lpad(nextval('workflow.case_reference_seq')::text, 6, '0')),
    campaign_id        uuid not null references workflow.campaigns(id),
    supplier_id        uuid not null references workflow.suppliers(id),
    state              text not null,
    stage              text not null,
    version            integer not null default 1,
    due_at             timestamptz,
    escalated_at       timestamptz,
    escalation_reason  text,
    last_outcome       text,
    created_at         timestamptz not null,
    updated_at         timestamptz not null,
    unique (campaign_id, supplier_id)
);
create index cases_campaign_state on workflow.cases (campaign_id, state);
create index cases_escalated on workflow.cases (escalated_at, id) where state = 'Escalated';
create index cases_due on workflow.cases (due_at) where due_at is not null;

create table workflow.submissions (
    id             uuid primary key,
    case_id        uuid not null references workflow.cases(id),
    received_at    timestamptz not null,
    channel        text not null,
    submitted_by   text not null,
    file_name      text not null,
    content_type   text,
    size_bytes     integer not null,
    sha256         text not null,
    content        bytea not null,
    outcome        text not null,
    template       text,
    template_version text,
    evaluation     jsonb not null
);
create index submissions_case on workflow.submissions (case_id, received_at);

create table workflow.audit_entries (
    id              bigserial primary key,
    case_id         uuid not null references workflow.cases(id),
    at              timestamptz not null,
    from_state      text,
    to_state        text not null,
    from_stage      text,
    to_stage        text not null,
    trigger         text not null,
    actor           text not null,
    reason          text not null,
    rule            text,
    policy_version  text,
    case_version    integer not null
);
create index audit_entries_case on workflow.audit_entries (case_id, id);

-- The audit trail is append-only: refuse updates and deletes at the database, not only in code.
create function workflow.audit_entries_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit entries are append-only (% refused)', tg_op;
end $$;
create trigger audit_entries_no_update before update or delete on workflow.audit_entries
    for each row execute function workflow.audit_entries_append_only();
