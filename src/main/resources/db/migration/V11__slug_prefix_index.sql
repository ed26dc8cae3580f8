-- New slugs are made unique by reading the slugs that start with the base ("so-ket-de-an-11", "-2", "-3" …).
-- The unique index on slug follows the database collation, in which a prefix is not a range (outside "C",
-- hyphens barely count), so that lookup was a sequential scan: 7-13 ms per imported article at 20,000-44,000
-- rows, measured with pg_stat_statements. In byte order a prefix is a range, which this index serves
-- whatever plan the statement gets (ArticleRepository.slugsStartingWith).
create index article_slug_prefix on article ((slug collate "C"));
