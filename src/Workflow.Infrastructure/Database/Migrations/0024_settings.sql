-- The settings a compliance owner keeps on the /settings page: company details, recipients, the public base URL,
-- how long supplier links outlive the due date, and the logo. Key/value, so a new setting needs no migration; read on
-- every use, so every instance on this database sees a change at once. Configuration still overrides any of them.
create table workflow.settings (
    key         text primary key,
    -- The value as text (recipients one per line); for the logo, its content type.
    value       text,
    -- The logo's bytes; null for every other key.
    data        bytea,
    updated_at  timestamptz not null,
    updated_by  text not null
);

-- Who changed which setting, when, from what to what; a logo by its SHA-256. Append-only like the case audit.
create table workflow.settings_history (
    id         bigserial primary key,
    at         timestamptz not null,
    actor      text not null,
    field      text not null,
    old_value  text,
    new_value  text
);
create trigger settings_history_no_update before update or delete on workflow.settings_history
    for each row execute function workflow.audit_entries_append_only();
create trigger settings_history_no_truncate before truncate on workflow.settings_history
    for each statement execute function workflow.audit_entries_append_only();

-- The date management extended a case to (its due_at when the extension was granted), so a supplier link sent later
-- in the case stays valid until then plus the grace days. Kept by a trigger on the audit entry every transition
-- writes, so the one place that moves cases needs no change and no transition can forget it.
alter table workflow.cases add column extended_to timestamptz;

create function workflow.cases_remember_extension() returns trigger language plpgsql as $$
begin
    update workflow.cases set extended_to = due_at where id = new.case_id and due_at is not null;
    return null;
end $$;
create trigger audit_entries_extension after insert on workflow.audit_entries
    for each row when (new.trigger = 'ExtensionGranted') execute function workflow.cases_remember_extension();
