-- The supplier register a program keeps year after year: a stable key (the company's own supplier code, else the
-- e-mail), a status (active, inactive, terminated), every change audited, scope per campaign, carry-over links.

alter table workflow.suppliers add column code text;
alter table workflow.suppliers add column priority integer;
alter table workflow.suppliers add column status text not null default 'active'
    check (status in ('active', 'inactive', 'terminated'));
alter table workflow.suppliers add column status_reason text;
alter table workflow.suppliers add column status_changed_at timestamptz;
alter table workflow.suppliers add column status_changed_by text;
-- Set when this record was merged into another: it keeps its id (old links and audit entries still resolve) but is no
-- longer a supplier of its own.
alter table workflow.suppliers add column merged_into uuid references workflow.suppliers(id);

-- Two suppliers with codes may share a mailbox (one sales office for two legal entities); e-mail identifies a
-- supplier only when it has no code.
drop index workflow.suppliers_email_key;
create unique index suppliers_code_key on workflow.suppliers (lower(code)) where code is not null and merged_into is null;
create unique index suppliers_email_key on workflow.suppliers (lower(email)) where code is null and merged_into is null;

-- Every change to a supplier record: which field, old and new value, who, when, and from where (an import, the API,
-- a page, a merge, a termination).
create table workflow.supplier_changes (
    id           bigserial primary key,
    supplier_id  uuid not null references workflow.suppliers(id),
    at           timestamptz not null,
    actor        text not null,
    source       text not null,
    field        text not null,
    old_value    text,
    new_value    text
);
create index supplier_changes_supplier on workflow.supplier_changes (supplier_id, id);
create trigger supplier_changes_no_update before update or delete on workflow.supplier_changes
    for each row execute function workflow.audit_entries_append_only();

-- Scope is a property of a supplier in a campaign (in scope in 2026, out in 2027), with the reason.
alter table workflow.campaign_suppliers add column in_scope boolean not null default true;
alter table workflow.campaign_suppliers add column scope_reason text;
update workflow.campaign_suppliers cs set in_scope = s.in_scope from workflow.suppliers s where s.id = cs.supplier_id;

-- Carry-over: the campaign a campaign was made from, and each case's predecessor for the same supplier.
alter table workflow.campaigns add column copied_from uuid references workflow.campaigns(id);
alter table workflow.cases add column previous_case_id uuid references workflow.cases(id);
