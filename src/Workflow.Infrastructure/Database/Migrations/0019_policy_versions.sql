-- Policy versions live here, not in a folder each instance reads for itself: every instance sees a version the moment it
-- is activated, and an activated version never changes (the trigger below), so a campaign pinned to it and every
-- evaluation that names it mean the same rules years later. Drafts live here too, to be simulated, then activated.
create table workflow.policy_versions (
    version       text primary key,
    status        text not null check (status in ('draft', 'active')),
    format        text not null check (format in ('yaml', 'json')),
    text          text not null,
    extends       text,
    resolved      jsonb not null,
    sha256        text not null,
    source        text not null,
    created_by    text not null,
    created_at    timestamptz not null,
    activated_by  text,
    activated_at  timestamptz,
    reason        text
);

create function workflow.policy_versions_guard() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' then
        if old.status = 'active' then raise exception 'policy version % is active and cannot be deleted', old.version; end if;
        return old;
    end if;
    -- A draft may be rewritten and activated; once active, nothing about it changes.
    if old.status = 'active' then raise exception 'policy version % is active and cannot change', old.version; end if;
    if new.version <> old.version then raise exception 'a policy version keeps its name'; end if;
    return new;
end $$;
create trigger policy_versions_immutable before update or delete on workflow.policy_versions
    for each row execute function workflow.policy_versions_guard();

-- Who saved, activated or imported which version, when and why; append-only like the case audit.
create table workflow.policy_audit (
    id       bigserial primary key,
    version  text not null,
    at       timestamptz not null,
    actor    text not null,
    action   text not null,
    reason   text not null,
    sha256   text not null
);
create index policy_audit_version on workflow.policy_audit (version, id);
create trigger policy_audit_no_update before update or delete on workflow.policy_audit
    for each row execute function workflow.audit_entries_append_only();

-- A campaign's pin names the content as well as the name.
alter table workflow.campaigns add column policy_sha256 text;
