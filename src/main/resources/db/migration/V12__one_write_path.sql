-- Every write of an article, whatever its path, leaves a revision: imports (created "imported", again
-- "reimported") as well as editors' writes, the scheduler and the demo content.
alter table article_revision drop constraint article_revision_action_check;
alter table article_revision add constraint article_revision_action_check
    check (action in ('created', 'imported', 'updated', 'reimported', 'published', 'unpublished', 'scheduled', 'deleted'));

-- Articles written before every path kept revisions get one for what they are now, so that each article's
-- history starts with its creation (actor "he-thong": the system, at the time the row was created).
insert into article_revision (article_id, version, actor, at, action, changes)
select a.id, a.version, 'he-thong', a.created_at, case when a.source_hash is null then 'created' else 'imported' end, '{}'
  from article a
 where not exists (select 1 from article_revision r where r.article_id = a.id);

-- Renaming, moving or merging a unit touches every article of the unit whatever its status, and the foreign key
-- to organisation is checked against article on every unit delete: both read articles by unit, which the partial
-- (published-only) article_organisation_feed cannot serve.
create index article_by_organisation on article (organisation_id);
