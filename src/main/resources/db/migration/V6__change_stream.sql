-- Delta sync (GET /api/v1/changes). Every write to an article records where it stands in one total
-- order: the writing transaction's id (xid8) and the next number of a sequence. The API serves only
-- changes of transactions older than the oldest one still running (pg_snapshot_xmin), in that order, so
-- a change that commits late can never land behind a position a client has already passed.
create sequence article_change_seq;

alter table article add column change_xid xid8;
alter table article add column change_seq bigint;
update article set change_xid = pg_current_xact_id(), change_seq = nextval('article_change_seq');
alter table article alter column change_xid set not null;
alter table article alter column change_seq set not null;

-- "What changed after position P": a range scan in change order.
create index article_change_position on article (change_xid, change_seq);

create function article_take_change_position() returns trigger
    language plpgsql as $$
begin
    new.change_xid := pg_current_xact_id();
    new.change_seq := nextval('article_change_seq');
    return new;
end;
$$;

create trigger article_change_position_before_write
    before insert or update on article
    for each row execute function article_take_change_position();

-- A deleted article leaves a tombstone at the position of its deletion, so that clients holding a copy
-- learn to drop it. Tombstones are purged after tincoso.sync.tombstone-retention; sync_purge remembers
-- how far, and a client whose position is older than that must start again from scratch.
create table article_tombstone (
    article_id bigint primary key,
    change_xid xid8        not null,
    change_seq bigint      not null,
    deleted_at timestamptz not null default now()
);
create index article_tombstone_position on article_tombstone (change_xid, change_seq);
create index article_tombstone_age on article_tombstone (deleted_at);

create function article_leave_tombstone() returns trigger
    language plpgsql as $$
begin
    insert into article_tombstone (article_id, change_xid, change_seq)
    values (old.id, pg_current_xact_id(), nextval('article_change_seq'))
    on conflict (article_id) do update
        set change_xid = excluded.change_xid, change_seq = excluded.change_seq, deleted_at = now();
    return old;
end;
$$;

create trigger article_tombstone_after_delete
    after delete on article
    for each row execute function article_leave_tombstone();

create table sync_purge (
    id                  boolean primary key default true check (id),
    purged_through_xid  xid8 not null default '0'::xid8
);
insert into sync_purge default values;
