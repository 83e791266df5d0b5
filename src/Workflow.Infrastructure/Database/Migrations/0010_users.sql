-- Local users of the pages (cookie login). API clients keep using Auth:ApiKeys; both carry the same roles.
create table workflow.users (
    id             uuid primary key,
    email          text not null,
    role           text not null,
    password_hash  text not null,
    disabled       boolean not null default false,
    created_at     timestamptz not null,
    updated_at     timestamptz not null,
    last_login_at  timestamptz,
    constraint users_role check (role in ('ComplianceOwner', 'Manager', 'Auditor'))
);
create unique index users_email_key on workflow.users (lower(email));
