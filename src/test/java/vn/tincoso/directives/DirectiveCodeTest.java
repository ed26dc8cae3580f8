package vn.tincoso.directives;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DirectiveCodeTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "11-ĐA/TU | 11-ĐA/TU | 11-da-tu",
            "11 - ĐA/TU | 11-ĐA/TU | 11-da-tu",
            "11-DA/TU | 11-ĐA/TU | 11-da-tu",
            "11-đa/tu | 11-ĐA/TU | 11-da-tu",
            "11-da-tu | 11-ĐA/TU | 11-da-tu",
            "số 11-ĐA/TU | 11-ĐA/TU | 11-da-tu",
            "Số 11 - ĐA/TU | 11-ĐA/TU | 11-da-tu",
            "35 - CT/TU | 35-CT/TU | 35-ct-tu",
            "19 –NQ/TU | 19-NQ/TU | 19-nq-tu",
            "19– NQ/TU | 19-NQ/TU | 19-nq-tu",
            "19—NQ/TU | 19-NQ/TU | 19-nq-tu",
            "09 CT/TW | 09-CT/TW | 09-ct-tw",
            "9-CT/TW | 09-CT/TW | 09-ct-tw",
            "009-ct/tw | 09-CT/TW | 09-ct-tw",
            "82-KH/ĐU | 82-KH/ĐU | 82-kh-du",
            "82-KH/DU | 82-KH/ĐU | 82-kh-du",
            "12-HD/BTCTW | 12-HD/BTCTW | 12-hd-btctw",
            "08-QĐi/TW | 08-QĐi/TW | 08-qdi-tw",
            "08-QDI/TW | 08-QĐi/TW | 08-qdi-tw",
            "01-CTr/TU | 01-CTr/TU | 01-ctr-tu",
            "24-CT/TU | 24-CT/TU | 24-ct-tu",
            "30/2020/NĐ-CP | 30/2020/NĐ-CP | 30-2020-nd-cp",
            "30/2020/ND-CP | 30/2020/NĐ-CP | 30-2020-nd-cp",
            "30-2020-nd-cp | 30/2020/NĐ-CP | 30-2020-nd-cp",
            "15/2023/QĐ-UBND | 15/2023/QĐ-UBND | 15-2023-qd-ubnd",
            "số 15 / 2023 / qđ - ubnd | 15/2023/QĐ-UBND | 15-2023-qd-ubnd",
            "5/2021/TT-BNV | 05/2021/TT-BNV | 05-2021-tt-bnv",
            "123-QĐ/TTg | 123-QĐ/TTg | 123-qd-ttg"})
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
