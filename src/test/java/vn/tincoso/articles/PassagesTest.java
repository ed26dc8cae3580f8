package vn.tincoso.articles;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Collections;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/** Search passages: the query's words marked wherever they stand, folded as PostgreSQL folds them. */
class PassagesTest {

    private static String html(String text, String... words) {
        return Snippets.toHtml(Passages.of(text, Set.of(words)));
    }

    @Test
    void aShortBodyIsShownWholeWithEveryMatchMarked() {
        assertEquals("Thành ủy &amp; &lt;<mark>Nhiệm</mark> <mark>vụ</mark>&gt; “mới”, <mark>nhiem</mark> <mark>vụ</mark>",
                html("Thành ủy & <Nhiệm vụ> “mới”, nhiem vụ", "nhiem", "vu"));
        assertEquals("Đề án số <mark>11</mark>-<mark>ĐA</mark>/TU của Quận <mark>uỷ</mark>",
                html("Đề án số 11-ĐA/TU của Quận uỷ", "11", "da", "uy"));
    }

    @Test
    void aLongBodyShowsUpToTwoStretchesAroundTheMatches() {
        String text = IntStream.range(0, 200).mapToObj(i -> i == 60 || i == 150 ? "Đảng" : "từ" + i).collect(Collectors.joining(" "));
        String passage = html(text, "dang");
        String first = IntStream.range(55, 85).mapToObj(i -> i == 60 ? "<mark>Đảng</mark>" : "từ" + i).collect(Collectors.joining(" "));
        String second = IntStream.range(145, 175).mapToObj(i -> i == 150 ? "<mark>Đảng</mark>" : "từ" + i).collect(Collectors.joining(" "));
        assertEquals(first + " … " + second, passage);
    }

    @Test
    void withoutAMatchInTheBodyItsBeginning() {
        String text = String.join(" ", Collections.nCopies(100, "chữ"));
        assertEquals(String.join(" ", Collections.nCopies(30, "chữ")), html(text, "dang"));
        assertEquals("", html("", "dang"));
    }
}
