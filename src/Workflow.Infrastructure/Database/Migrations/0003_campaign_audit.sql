-- Campaign-level changes (policy re-pinning, roll-up overrides, ...) with who, when and why; append-only like case audit.
create table workflow.campaign_audit (
    id           bigserial primary key,
    campaign_id  uuid not null references workflow.campaigns(id),
    at           timestamptz not null,
    actor        text not null,
    action       text not null,
    reason       text not null,
    detail       jsonb
);
create index campaign_audit_campaign on workflow.campaign_audit (campaign_id, id);
create trigger campaign_audit_no_update before update or delete on workflow.campaign_audit
    for each row execute function workflow.audit_entries_append_only();
