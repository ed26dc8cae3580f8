package vn.tincoso.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import vn.tincoso.directives.DirectiveCode;

class DirectiveExtractorTest {

    private static List<DirectiveExtractor.Found> extract(String text) {
        return DirectiveExtractor.extract(text, List.of(new Span(0, text.length(), text)), (type, number) -> List.of());
    }

    private static List<String> codes(String text) {
        return extract(text).stream().map(found -> found.code().code()).toList();
    }

    @ParameterizedTest(name = "{0}")
    @CsvFileSource(resources = "/directives/in-text.csv", delimiter = '|', commentCharacter = '#')
    void findsCodesInTheirRealSpellingsAndNothingElse(String text, String expected) {
        List<String> wanted = expected == null ? List.of() : List.of(expected.split(" "));
        assertEquals(wanted, codes(text));
    }

    @Test
    void everyMentionIsASpanOfTheText() {
        String text = "Đề án số 11-ĐA/TU đã được thực hiện; Đề án 11 - ĐA/TU tiếp tục.";
        DirectiveExtractor.Found found = extract(text).get(0);
        assertEquals(List.of("11-ĐA/TU", "11 - ĐA/TU"), found.spans().stream().map(Span::text).toList());
        for (Span span : found.spans()) {
            assertEquals(span.text(), text.substring(span.start(), span.end()));
        }
    }

    @Test
    void readsTheIssueDateAndQuotedTitleThatFollow() {
        DirectiveExtractor.Found found = extract("Sơ kết Đề án số 11-ĐA/TU, ngày 06/12/2021 của Ban Thường vụ Thành ủy Hà Nội về "
                + "“Nâng cao chất lượng sinh hoạt chi bộ thuộc Đảng bộ Thành phố Hà Nội trong tình hình mới”.").get(0);
        assertEquals(LocalDate.of(2021, 12, 6), found.issuedOn());
        assertEquals("Nâng cao chất lượng sinh hoạt chi bộ thuộc Đảng bộ Thành phố Hà Nội trong tình hình mới", found.title());

        DirectiveExtractor.Found spelledOut = extract("Chỉ thị 35-CT/TU ngày 06 tháng 5 năm 2024 về “Tăng cường công tác dân vận”").get(0);
        assertEquals(LocalDate.of(2024, 5, 6), spelledOut.issuedOn());
        assertEquals("Tăng cường công tác dân vận", spelledOut.title());

        DirectiveExtractor.Found withVe = extract("Hướng dẫn 12-HD/BTCTW, ngày 6/7/2018 về “nâng cao chất lượng sinh hoạt chi bộ”").get(0);
        assertEquals("Nâng cao chất lượng sinh hoạt chi bộ", withVe.title());
    }

    @Test
    void aQuotationAfterTheSentenceEndsIsNotTheTitle() {
        DirectiveExtractor.Found found = extract("Thực hiện Chỉ thị 24-CT/TU. Chủ đề năm là “Kỷ cương, trách nhiệm”.").get(0);
        assertEquals(null, found.title());
        assertEquals(null, found.issuedOn());
    }

    @Test
    void bareMentionsResolveToTheCodeOfTheSameText() {
        List<DirectiveExtractor.Found> found = extract("Sơ kết Đề án số 11 của Ban Thường vụ. Thực hiện Đề án số 11-ĐA/TU. "
                + "Khen thưởng tập thể thực hiện tốt Đề án 11.");
        assertEquals(1, found.size());
        assertEquals(List.of("Đề án số 11", "11-ĐA/TU", "Đề án 11"), found.get(0).spans().stream().map(Span::text).toList());
    }

    @Test
    void bareMentionsResolveThroughTheRegistryOnlyWhenUnambiguous() {
        String text = "Quán triệt Chỉ thị 35 và Nghị quyết 19 đến toàn thể đảng viên.";
        List<DirectiveExtractor.Found> found = DirectiveExtractor.extract(text, List.of(new Span(0, text.length(), text)),
                (type, number) -> switch (type.code() + number) {
                    case "CT35" -> List.of(DirectiveCode.parse("35-CT/TU").orElseThrow());
                    case "NQ19" -> List.of(DirectiveCode.parse("19-NQ/TU").orElseThrow(), DirectiveCode.parse("19-NQ/TW").orElseThrow());
                    default -> List.of();
                });
        assertEquals(List.of("35-CT/TU"), found.stream().map(f -> f.code().code()).toList());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Nghị quyết Đại hội lần thứ XVII", "Kế hoạch xây dựng “Chi bộ bốn tốt”", "03 đề án, 02 công văn",
            "Đề án 11 của Ban Thường vụ"})
    void bareMentionsWithoutAnAnswerAreLeftOut(String text) {
        assertTrue(extract(text).isEmpty());
    }
}
