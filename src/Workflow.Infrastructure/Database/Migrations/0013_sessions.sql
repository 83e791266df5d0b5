-- Sign-in sessions of the pages, server-side: the cookie carries only the session id, so signing out, disabling a
-- user or setting a new password ends the session on every instance at once, for good.
create table workflow.sessions (
    id            text primary key,
    user_email    text not null,
    ticket        bytea not null,
    created_at    timestamptz not null,
    expires_at    timestamptz not null
);
create index sessions_user on workflow.sessions (lower(user_email));
create index sessions_expires on workflow.sessions (expires_at);

-- The ASP.NET Core data-protection key ring (cookies, anti-forgery tokens), shared by every instance.
create table workflow.data_protection_keys (
    id             bigserial primary key,
    friendly_name  text not null unique,
    xml            text not null,
    created_at     timestamptz not null default now()
);
