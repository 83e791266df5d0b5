-- A frozen filing: what a Conflict Minerals Report was based on, as it was on the day it was frozen. Each part is kept
-- as the exact bytes served (not jsonb, which would reorder keys), so the SHA-256 over the set can be checked for years.
create table workflow.filings (
    id                      uuid primary key,
    campaign_id             uuid not null references workflow.campaigns(id),
    as_of                   date not null,
    frozen_at               timestamptz not null,
    frozen_by               text not null,
    reason                  text not null,
    sha256                  text not null,
    report_json             bytea not null,
    appendix_a_csv          bytea not null,
    unrecognised_csv        bytea not null,
    evaluations_json        bytea not null,
    rollup_cmrt             bytea,
    rollup_missing_reason   text,
    policy_versions         text[] not null,
    reference_list_versions text[] not null
);
create index filings_campaign on workflow.filings (campaign_id, frozen_at);

-- Later uploads, decisions and re-evaluations never change a filing: refuse updates and deletes at the database.
create trigger filings_no_update before update or delete on workflow.filings
    for each row execute function workflow.audit_entries_append_only();
