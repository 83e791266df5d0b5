-- Secrets every instance of the service must share when none is configured (the supplier-link signing key): the first
-- instance to start stores one, every other reads it, so a link signed by one instance verifies on all of them.
create table workflow.shared_secrets (
    name        text primary key,
    value       bytea not null,
    created_at  timestamptz not null default now()
);
