package vn.tincoso.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import vn.tincoso.search.TsQueryText.And;
import vn.tincoso.search.TsQueryText.Followed;
import vn.tincoso.search.TsQueryText.Not;
import vn.tincoso.search.TsQueryText.Or;
import vn.tincoso.search.TsQueryText.Word;
import vn.tincoso.search.TsVectorText.Occurrence;
import vn.tincoso.search.TsVectorText.Part;

/** PostgreSQL's printed tsvectors and tsqueries, as psql shows them for this project's configuration, read back. */
class TsTextTest {

    @Test
    void aVectorsWordsGoToThePartOfTheirWeight() {
        Map<Part, List<Occurrence>> parts = TsVectorText.parse("'11':4A 'bo':13C,15C 'it''s':7B 'a\\\\b':9 'de':1A,20C");
        assertEquals(List.of(new Occurrence("11", 4), new Occurrence("de", 1)), parts.get(Part.TITLE));
        assertEquals(List.of(new Occurrence("it's", 7)), parts.get(Part.SUMMARY));
        assertEquals(List.of(new Occurrence("bo", 13), new Occurrence("bo", 15), new Occurrence("a\\b", 9),
                new Occurrence("de", 20)), parts.get(Part.BODY));
    }

    @Test
    void aStrippedVectorHasNothingToIndex() {
        assertEquals(List.of(), TsVectorText.parse("'chi' 'bo'").get(Part.TITLE));
    }

    @Test
    void operatorsBindAsInPostgresql() {
        // websearch_to_tsquery's text of: "chi bo" dang or "nghi quyet" it's
        assertEquals(new Or(new And(new Followed(new Word("chi"), new Word("bo"), 1), new Word("dang")),
                        new And(new Followed(new Word("nghi"), new Word("quyet"), 1), new Followed(new Word("it"), new Word("s"), 1))),
                TsQueryText.parse("'chi' <-> 'bo' & 'dang' | 'nghi' <-> 'quyet' & 'it' <-> 's'"));
        assertEquals(new And(new Or(new Word("a"), new Word("b")), new Not(new Followed(new Word("c"), new Word("d"), 2))),
                TsQueryText.parse("( 'a' | 'b' ) & !( 'c' <2> 'd' )"));
    }

    @Test
    void anEmptyQueryMatchesNothing() {
        assertNull(TsQueryText.parse(""));
    }

    @Test
    void whatPostgresqlDoesNotPrintIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> TsQueryText.parse("'a':*"));
        assertThrows(IllegalArgumentException.class, () -> TsQueryText.parse("'a' & "));
        assertThrows(IllegalArgumentException.class, () -> TsQueryText.parse("( 'a'"));
        assertThrows(IllegalArgumentException.class, () -> TsQueryText.parse("'a"));
    }
}
