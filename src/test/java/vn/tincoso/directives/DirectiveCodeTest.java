package vn.tincoso.directives;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DirectiveCodeTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvFileSource(resources = "/directives/spellings.csv", delimiter = '|', commentCharacter = '#')
    void canonicalisesEverySpelling(String spelling, String code, String slug) {
        DirectiveCode parsed = DirectiveCode.parse(spelling).orElseThrow(() -> new AssertionError("not parsed: " + spelling));
        assertEquals(code, parsed.code());
        assertEquals(slug, parsed.slug());
        assertEquals(parsed, DirectiveCode.parse(parsed.slug()).orElseThrow(), "the slug parses back to the same code");
    }

    @ParameterizedTest
    @ValueSource(strings = {"20/6/2024", "03 năm", "2020 - 2025", "0-ĐA/TU", "11-ĐA", "ĐA/TU", "11/TU", "abc",
            "11-XYZ/TU", "11-ĐA/XYZ", "0912 345 678", "06/12/2021", "", "   ", "12345-ĐA/TU", "11-ĐA/TU extra"})
    void refusesWhatIsNotACode(String text) {
        assertTrue(DirectiveCode.parse(text).isEmpty(), text);
    }

    @Test
    void decodesTypeAndIssuer() {
        DirectiveCode code = DirectiveCode.parse("11-ĐA/TU").orElseThrow();
        assertEquals(DocumentType.DE_AN, code.type());
        assertEquals("Đề án", code.type().label());
        assertEquals(Issuer.THANH_UY, code.issuer());
        assertEquals("11", code.number());
        assertEquals(null, code.year());
    }
}
