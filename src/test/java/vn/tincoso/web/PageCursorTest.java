package vn.tincoso.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PageCursorTest {

    @Test
    void roundTripsExactly() {
        PageCursor cursor = new PageCursor("relevance", "abc123", Instant.parse("2024-06-03T07:35:00.123456Z"), 42L, 0.0607927f);
        assertEquals(cursor, PageCursor.decode("cursor", cursor.encode()));
        PageCursor withoutRank = new PageCursor("newest", "ff", Instant.parse("1999-12-31T17:00:00Z"), 7L, null);
        assertEquals(withoutRank, PageCursor.decode("cursor", withoutRank.encode()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "!!!", "bm90LWEtY3Vyc29y", "MXxuZXdlc3R8ZmZ8eHx5fA", "MnxuZXdlc3R8ZmZ8MXwxfA"})
    void refusesAnythingElseNamingTheParameter(String text) {
        InvalidParameterException e = assertThrows(InvalidParameterException.class, () -> PageCursor.decode("cursor", text));
        assertEquals("cursor", e.parameter());
    }
}
