package vn.tincoso.articles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import vn.tincoso.directives.DirectiveCode;
import vn.tincoso.organisations.Level;

/** The filter's digest, which cursors, sync tokens and feed ids carry: one per filter, never shared by another. */
class ArticleFilterTest {

    private static String digest(ArticleFilterBuilder filter) {
        return filter.build().fingerprint(ArticleSort.NEWEST);
    }

    @Test
    void aValueNeverPassesForAnAbsentPartOrAnotherPart() {
        String none = digest(ArticleFilterBuilder.builder());
        assertNotEquals(none, digest(ArticleFilterBuilder.builder().q("null")), "q=null is not the absence of q");
        assertNotEquals(none, digest(ArticleFilterBuilder.builder().org("null")));
        assertNotEquals(digest(ArticleFilterBuilder.builder().q("a\norg=b")), digest(ArticleFilterBuilder.builder().q("a").org("b")),
                "a value cannot spell the next part");
        assertNotEquals(digest(ArticleFilterBuilder.builder()), ArticleFilterBuilder.builder().build().fingerprint(ArticleSort.OLDEST));
    }

    @Test
    void equalFiltersHaveEqualDigestsHoweverTheyWereBuilt() {
        assertEquals(digest(ArticleFilterBuilder.builder().levels(Set.of(Level.WARD, Level.CITY))),
                digest(ArticleFilterBuilder.builder().levels(EnumSet.of(Level.CITY, Level.WARD))));
        assertEquals(digest(ArticleFilterBuilder.builder().directive(DirectiveCode.parse("11-da-tu").orElseThrow())),
                digest(ArticleFilterBuilder.builder().directive(DirectiveCode.parse("11 - ĐA/TU").orElseThrow())));
        assertEquals(32, digest(ArticleFilterBuilder.builder()).length(), "128 bits, zero-padded hex");
    }
}
