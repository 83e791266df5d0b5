-- Our products and their bill of materials: which of our parts go into which product, and from which supplier we buy
-- each part under which supplier part number. Form SD is a statement about products; these tables are what lets the
-- service say which declarations reach which product.

create table workflow.products (
    id              uuid primary key,
    product_number  text not null,
    name            text not null,
    family          text,
    -- The compliance owner's determination that the product contains no 3TG (engineering review), with the reason.
    no_3tg          boolean not null default false,
    no_3tg_reason   text,
    no_3tg_by       text,
    no_3tg_at       timestamptz,
    created_at      timestamptz not null,
    updated_at      timestamptz not null,
    constraint products_no_3tg_reason check (not no_3tg or no_3tg_reason is not null)
);
create unique index products_number_key on workflow.products (lower(product_number));

-- One of our part numbers, used in any number of products.
create table workflow.parts (
    id              uuid primary key,
    part_number     text not null,
    no_3tg          boolean not null default false,
    no_3tg_reason   text,
    no_3tg_by       text,
    no_3tg_at       timestamptz,
    created_at      timestamptz not null,
    updated_at      timestamptz not null,
    constraint parts_no_3tg_reason check (not no_3tg or no_3tg_reason is not null)
);
create unique index parts_number_key on workflow.parts (lower(part_number));

-- The bill of materials: product contains part.
create table workflow.product_parts (
    product_id  uuid not null references workflow.products(id),
    part_id     uuid not null references workflow.parts(id),
    added_at    timestamptz not null,
    primary key (product_id, part_id)
);
create index product_parts_part on workflow.product_parts (part_id);

-- Where a part is bought: the supplier and the number the supplier sells it under (which is what a product-level CMRT
-- lists in its Product List). A part may be dual-sourced.
create table workflow.part_sources (
    part_id               uuid not null references workflow.parts(id),
    supplier_id           uuid not null references workflow.suppliers(id),
    supplier_part_number  text,
    added_at              timestamptz not null,
    primary key (part_id, supplier_id)
);
create index part_sources_supplier on workflow.part_sources (supplier_id);

-- Every change to products, parts and the bill of materials: what, which field, old and new value, who, when, from where.
create table workflow.product_changes (
    id          bigserial primary key,
    product_id  uuid references workflow.products(id),
    part_id     uuid references workflow.parts(id),
    at          timestamptz not null,
    actor       text not null,
    source      text not null,
    field       text not null,
    old_value   text,
    new_value   text,
    constraint product_changes_subject check (product_id is not null or part_id is not null)
);
create index product_changes_product on workflow.product_changes (product_id, id);
create index product_changes_part on workflow.product_changes (part_id, id);
create trigger product_changes_no_update before update or delete on workflow.product_changes
    for each row execute function workflow.audit_entries_append_only();

-- The suppliers' free "parts" list becomes part sources (no product yet, no supplier part number: a product-level
-- CMRT is then matched on our own part number). The column stays for old readers but is no longer written.
insert into workflow.parts (id, part_number, created_at, updated_at)
select gen_random_uuid(), min(trim(p)), now(), now()
  from workflow.suppliers s, unnest(s.parts) as p
 where trim(p) <> '' and s.merged_into is null
 group by lower(trim(p));

insert into workflow.part_sources (part_id, supplier_id, supplier_part_number, added_at)
select distinct on (pa.id, s.id) pa.id, s.id, null, now()
  from workflow.suppliers s, unnest(s.parts) as p, workflow.parts pa
 where lower(pa.part_number) = lower(trim(p)) and s.merged_into is null;

insert into workflow.product_changes (part_id, at, actor, source, field, old_value, new_value)
select ps.part_id, now(), 'migration', 'supplier parts list', 'source', null, s.id::text
  from workflow.part_sources ps join workflow.suppliers s on s.id = ps.supplier_id;

-- The stage a case was in when it last entered Escalated: a manager's extension of an escalation that came from the
-- product-level request returns the case to that request rather than to the survey.
alter table workflow.cases add column escalated_from text;
