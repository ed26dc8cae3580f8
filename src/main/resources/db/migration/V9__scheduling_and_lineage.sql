-- Scheduled publishing: a scheduled article waits, invisible to every public read, until its
-- published_at; the publisher job then makes it published (a write, so the change stream reports it).
alter table article drop constraint article_status_check;
alter table article add constraint article_status_check check (status in ('draft', 'published', 'scheduled'));
alter table article drop constraint article_check;
alter table article add constraint article_check check (status = 'draft' or published_at is not null);
create index article_scheduled on article (published_at) where status = 'scheduled';

alter table article_revision drop constraint article_revision_action_check;
alter table article_revision add constraint article_revision_action_check
    check (action in ('created', 'updated', 'published', 'unpublished', 'scheduled', 'deleted'));

-- Merged units (the 2025 reorganisation merged many wards): a unit merged into another points at its
-- successor. A feed with scope=lineage shows the unit's articles and those of every predecessor, found
-- by a recursive walk over this column (indexed for it).
alter table organisation add column successor_id bigint references organisation (id);
create index organisation_successor on organisation (successor_id);
