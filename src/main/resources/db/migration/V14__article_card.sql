-- Render once, serve many: the JSON of an article's feed item (ArticleSummary without its id, url and snippet,
-- which depend on the row, the request's address and the query) written with the article, so that a page of the
-- JSON list is the keyset query returning these fragments, spliced, with no entity loaded. Null until rendered:
-- rows from before this migration, and articles whose unit or directive changed what the card embeds (a rename);
-- a read renders those from the entity, and articles.ArticleCards' backfill stores them again.
alter table article add column card text;
-- The backfill finds the articles without a card.
-- (An article waiting for review has no unit, so no card until it is placed.)
create index article_without_card on article (id) where card is null and organisation_id is not null;
