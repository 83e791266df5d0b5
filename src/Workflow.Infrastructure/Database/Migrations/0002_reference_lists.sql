-- Imported smelter reference lists, each import kept as a version; evaluations name the version they used.
create table workflow.reference_lists (
    id           serial primary key,
    version      text not null unique,
    source       text not null,
    imported_at  timestamptz not null,
    imported_by  text not null,
    entry_count  integer not null,
    entries      jsonb not null
);
