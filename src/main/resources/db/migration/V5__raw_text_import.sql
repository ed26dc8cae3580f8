-- Raw-text import. Importing the same text or the same source URL twice must update the article, not
-- duplicate it: both are unique, and the lookups on them are these indexes.
alter table article add column source_hash text;
create unique index article_source_hash on article (source_hash) where source_hash is not null;
create unique index article_source_url on article (source_url) where source_url is not null;

-- Photo captions read between paragraphs, each with the number of paragraphs before it:
-- [{"after": 2, "text": "Quang cảnh hội nghị"}].
alter table article add column captions jsonb not null default '[]';

-- Organisations are matched by name regardless of diacritics, case and tone placement ("Quận uỷ Hai Bà
-- Trưng" finds "Quận Hai Bà Trưng"): name_key is the folded name, looked up with the level. unaccent is
-- only marked stable because its dictionary could be edited; this project never edits it, so the wrapper
-- is declared immutable to feed a generated column.
create function fold_text(txt text) returns text
    language sql immutable parallel safe
    return lower(public.unaccent('public.unaccent'::regdictionary, txt));

alter table organisation add column name_key text generated always as (fold_text(name)) stored;
create index organisation_name_key on organisation (name_key, level);

-- Bare mentions ("Đề án số 11") are resolved against the registry by type and number.
create index directive_type_number on directive (doc_type, number);
