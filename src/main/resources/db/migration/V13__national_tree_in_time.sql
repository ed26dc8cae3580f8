-- All of Vietnam before and after the 1 July 2025 reorganisation (see deploy/gazetteer): each unit says what
-- kind it is as portals write it (tỉnh, thành phố, quận, huyện, thị xã, thành phố thuộc tỉnh, phường, xã,
-- thị trấn, đặc khu; below a commune tổ dân phố, thôn, chi bộ …), its GSO code where it has one, and when it
-- was in force (null: as far as the sources go). A unit's parent is its parent for the whole of its validity:
-- old communes sit under old districts (both until 2025-06-30), new communes directly under their province.
alter table organisation add column kind text;
alter table organisation add column gso_code text;
alter table organisation add column valid_from date;
alter table organisation add column valid_to date;
-- Units the gazetteer loads (as opposed to ones imports or admins add): a reload updates them, never others.
alter table organisation add column gazetteer boolean not null default false;
alter table organisation add constraint organisation_validity check (valid_from is null or valid_to is null or valid_from <= valid_to);

update organisation set kind = case
    when name_key like 'thanh pho %' and level = 'city' then 'thành phố'
    when name_key like 'thanh pho %' then 'thành phố thuộc tỉnh'
    when name_key like 'tinh %' then 'tỉnh'
    when name_key like 'quan %' then 'quận'
    when name_key like 'huyen %' then 'huyện'
    when name_key like 'thi xa %' then 'thị xã'
    when name_key like 'phuong %' then 'phường'
    when name_key like 'thi tran %' then 'thị trấn'
    when name_key like 'dac khu %' then 'đặc khu'
    when name_key like 'xa %' then 'xã'
    when name_key like 'to dan pho %' then 'tổ dân phố'
    when name_key like 'khu dan cu %' then 'khu dân cư'
    when name_key like 'khu pho %' then 'khu phố'
    when name_key like 'chi bo %' then 'chi bộ'
    when name_key like 'thon %' then 'thôn'
    when level = 'city' then 'tỉnh'
    when level = 'district' then 'huyện'
    when level = 'ward' then 'xã'
    else 'tổ dân phố' end;
alter table organisation alter column kind set not null;

-- Lineage: the units a unit was formed from, and so the ones it was succeeded by (an old commune split between
-- two new ones has two successors). scope=lineage walks it both ways, recursively; the primary key serves the
-- walk from predecessor to successor, the second index the walk back.
create table organisation_lineage (
    predecessor_id bigint not null references organisation (id) on delete cascade,
    successor_id   bigint not null references organisation (id) on delete cascade,
    primary key (predecessor_id, successor_id),
    check (predecessor_id <> successor_id)
);
create index organisation_lineage_by_successor on organisation_lineage (successor_id, predecessor_id);

insert into organisation_lineage (predecessor_id, successor_id)
select id, successor_id from organisation where successor_id is not null;
drop index organisation_successor;
alter table organisation drop column successor_id;

-- The body that held the event, besides the territory: the Party committee, the People's Committee, the
-- People's Council, the Fatherland Front and mass organisations, the military or police, or another.
alter table article add column organising_body text
    check (organising_body in ('party', 'government', 'council', 'front', 'security', 'other'));

-- An imported article whose unit cannot be placed is kept, never refused: status 'needs-review', no unit yet,
-- and in review the units it might be, each with the span that named it. Never public.
alter table article drop constraint article_status_check;
alter table article add constraint article_status_check check (status in ('draft', 'published', 'scheduled', 'needs-review'));
alter table article drop constraint article_check;
alter table article add constraint article_check check (status in ('draft', 'needs-review') or published_at is not null);
alter table article alter column organisation_id drop not null;
alter table article add constraint article_placed check (organisation_id is not null or status = 'needs-review');
alter table article add column review jsonb;
create index article_needs_review on article (id) where status = 'needs-review';

alter table article_revision drop constraint article_revision_action_check;
alter table article_revision add constraint article_revision_action_check
    check (action in ('created', 'imported', 'updated', 'reimported', 'published', 'unpublished', 'scheduled', 'deleted',
                      'placed'));
