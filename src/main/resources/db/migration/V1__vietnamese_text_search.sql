-- Vietnamese text is compared without diacritics and without caring where the tone mark sits:
-- "Quận uỷ" and "Quận ủy" must be equal, "de an 11" must find "Đề án 11". unaccent folds every
-- Vietnamese vowel and tone mark away and Đ/đ to D/d, so both tone placements fold to the same word.
create extension if not exists unaccent;

-- The default parser splits words (it treats every non-ASCII letter as a letter in a UTF-8 database);
-- each word then passes through unaccent and simple (lower-case, no stemming: Vietnamese words do not
-- inflect, so there is nothing to stem and no stop list that would be right).
create text search configuration vietnamese_folded (copy = simple);
alter text search configuration vietnamese_folded
    alter mapping for asciiword, asciihword, hword_asciipart, word, hword, hword_part, numword, numhword, hword_numpart
    with unaccent, simple;

-- Directive codes such as "11-ĐA/TU" or "12-HD/BTCTW" would otherwise become file-path and hyphenated
-- tokens ("/tu", "hd/btctw") that no typed query matches; searching treats "/" and dashes as spaces on
-- both sides (the API applies the same rule to the query text).
create function search_words(txt text) returns text
    language sql immutable parallel safe
    return translate(txt, '/-–—', '    ');
