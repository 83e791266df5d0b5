-- Retention: after Records:RetentionYears past a campaign's reporting period, the daily purge removes the files and
-- message bodies of campaigns not under a legal hold. Everything else (audit trail, evaluations, metadata, hashes,
-- frozen filings) stays.
alter table workflow.campaigns add column legal_hold boolean not null default false;
alter table workflow.submissions add column purged_at timestamptz;
alter table workflow.message_records add column purged_at timestamptz;

-- The purge is the one path through the immutability triggers: its transaction sets workflow.retention_purge, and even
-- then an update may only empty the content column the trigger names and stamp purged_at; any other change is refused.
create or replace function workflow.records_immutable() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE' and tg_nargs = 1 and current_setting('workflow.retention_purge', true) = 'on'
       and new.purged_at is not null
       and (to_jsonb(new) ->> tg_argv[0]) = '\x'
       and (to_jsonb(new) - tg_argv[0] - 'purged_at') = (to_jsonb(old) - tg_argv[0] - 'purged_at') then
        return new;
    end if;
    raise exception '% is a stored record and cannot be changed (% refused)', tg_table_name, tg_op;
end $$;

drop trigger submissions_immutable on workflow.submissions;
create trigger submissions_immutable before update or delete on workflow.submissions
    for each row execute function workflow.records_immutable('content');
drop trigger message_records_immutable on workflow.message_records;
create trigger message_records_immutable before update or delete on workflow.message_records
    for each row execute function workflow.records_immutable('raw');
