-- Last-Modified of the registries (organisations, directives: their article counts move with every
-- article) is the newest updated_at among articles, units, directives and tombstones; this index makes
-- the article part a single index probe.
create index article_updated_at on article (updated_at);
