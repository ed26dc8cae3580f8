package vn.tincoso.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
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
    @CsvSource(delimiter = '|', value = {
            "Thực hiện Đề án số 11-ĐA/TU của Thành ủy | 11-ĐA/TU",
            "theo Kế hoạch 82-KH/ĐU của Đảng ủy | 82-KH/ĐU",
            "đúng Hướng dẫn 12-HD/BTCTW về sinh hoạt | 12-HD/BTCTW",
            "Chỉ thị số 35 - CT/TU của Ban Thường vụ | 35-CT/TU",
            "Nghị quyết số 19 –NQ/TU ngày | 19-NQ/TU",
            "Nghị quyết số 19– NQ/TU ngày | 19-NQ/TU",
            "Nghị quyết 19—NQ/TU | 19-NQ/TU",
            "Chỉ thị 09 CT/TW của Ban Bí thư | 09-CT/TW",
            "Chỉ thị số 05-CT/TW | 05-CT/TW",
            "chỉ thị số 05-ct/tw | 05-CT/TW",
            "Kết luận 01-KL/TW | 01-KL/TW",
            "Quy định số 08-QĐi/TW | 08-QĐi/TW",
            "Quy định số 08-QDi/TW | 08-QĐi/TW",
            "Chương trình 01-CTr/TU | 01-CTr/TU",
            "Quyết định 123-QĐ/QU | 123-QĐ/QU",
            "Kế hoạch số 45-KH/HU của Huyện ủy | 45-KH/HU",
            "Nghị quyết 24-NQ/TW (2023) | 24-NQ/TW",
            "(Đề án 11-ĐA/TU) | 11-ĐA/TU",
            "“Chỉ thị 24-CT/TU” | 24-CT/TU",
            "Đề án 11-ĐA/TU; Chỉ thị 24-CT/TU | 11-ĐA/TU 24-CT/TU",
            "Nghị định 30/2020/NĐ-CP về văn thư | 30/2020/NĐ-CP",
            "Nghị định số 30/2020/NĐ-CP | 30/2020/NĐ-CP",
            "Quyết định 15/2023/QĐ-UBND của UBND thành phố | 15/2023/QĐ-UBND",
            "Thông tư 05/2021/TT-BNV | 05/2021/TT-BNV",
            "Quyết định số 1234/2019/QĐ-TTg | 1234/2019/QĐ-TTg",
            "Nghị định 30 / 2020 / NĐ - CP | 30/2020/NĐ-CP",
            "nghị định 30/2020/nđ-cp | 30/2020/NĐ-CP",
            "Đề án 11-DA/TU không dấu | 11-ĐA/TU",
            "Hướng dẫn 12-HD/BTCTW, Kế hoạch 82-KH/ĐU và Nghị định 30/2020/NĐ-CP | 12-HD/BTCTW 82-KH/ĐU 30/2020/NĐ-CP",
            "Quận ủy ban hành 13 kế hoạch, 02 chuyên đề, 03 đề án | ",
            "Ngày 20/6/2024, tại hội trường | ",
            "thực hiện trong 03 năm | ",
            "nhiệm kỳ 2020 - 2025 | ",
            "nhiệm kỳ 2015-2020 | ",
            "Điện thoại 0912 345 678 hoặc 024.3856.1234 | ",
            "tầng 4 trụ sở Đảng ủy - HĐND - UBND phường | ",
            "Đ/c Đinh Thị Lan Hương | ",
            "tình hình KT-XH năm 2020 | ",
            "tỷ lệ 95,5%/năm | ",
            "ngày 06/12/2021 | ",
            "Đại hội lần thứ XVII | ",
            "số 11/TU | ",
            "11-XY/TU không phải mã | ",
            "phòng 12-A/3 | "})
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
