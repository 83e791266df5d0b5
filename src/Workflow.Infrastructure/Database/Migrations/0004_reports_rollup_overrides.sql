-- The compliance owner's overrides of the roll-up CMRT answers, one row per change (append-only, so who changed
-- what and when stays visible); the newest row of a campaign is in force.
create table workflow.rollup_overrides (
    id           bigserial primary key,
    campaign_id  uuid not null references workflow.campaigns(id),
    overrides    jsonb not null,
    set_at       timestamptz not null,
    set_by       text not null
);
create index rollup_overrides_campaign on workflow.rollup_overrides (campaign_id, id desc);

create trigger rollup_overrides_no_update before update or delete on workflow.rollup_overrides
    for each row execute function workflow.audit_entries_append_only();
