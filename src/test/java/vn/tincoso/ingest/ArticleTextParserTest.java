package vn.tincoso.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ArticleTextParserTest {

    @Test
    void portalLayoutWithDoubledHeadingMetadataAndByline() {
        ParsedArticle article = ArticleTextParser.parse("""
                HOẠT ĐỘNG CÁC PHƯỜNG HOẠT ĐỘNG CÁC PHƯỜNG

                Đảng ủy phường Thổ Quan tổ chức hội nghị
                Ngày đăng 04/01/2021 | 17:44  | Lượt xem: 1.032

                Ngày 29/12/2020, Đảng ủy phường tổ chức hội nghị.

                Quang cảnh hội trường

                Đoạn thứ hai kết thúc bằng dấu chấm.

                                                         Cao Xuân Dũng""");
        assertEquals(List.of("HOẠT ĐỘNG CÁC PHƯỜNG"), article.sections());
        assertEquals("Đảng ủy phường Thổ Quan tổ chức hội nghị", article.title().text());
        assertEquals(LocalDateTime.of(2021, 1, 4, 17, 44), article.publishedAt());
        assertEquals(1032, article.viewCount());
        assertEquals(List.of("Ngày 29/12/2020, Đảng ủy phường tổ chức hội nghị.", "Đoạn thứ hai kết thúc bằng dấu chấm."), article.body());
        assertEquals(List.of(new ParsedArticle.Caption(1, "Quang cảnh hội trường")), article.captions());
        assertEquals("Cao Xuân Dũng", article.byline().text());
    }

    @Test
    void weekdayDateTimeLineWithWordsAroundIt() {
        ParsedArticle article = ArticleTextParser.parse("""
                TIN TỨC - SỰ KIỆN
                Quận ủy Long Biên sơ kết Chỉ thị 35
                Cập nhật lúc: Thứ Hai, 12/08/2024 08:30 (GMT+7)
                Sáng 10/8, Ban Thường vụ Quận ủy Long Biên sơ kết Chỉ thị số 35 - CT/TU.
                NGUYỄN VĂN AN""");
        assertEquals(List.of("TIN TỨC - SỰ KIỆN"), article.sections());
        assertEquals("Quận ủy Long Biên sơ kết Chỉ thị 35", article.title().text());
        assertEquals(LocalDateTime.of(2024, 8, 12, 8, 30), article.publishedAt());
        assertNull(article.viewCount());
        assertEquals("NGUYỄN VĂN AN", article.byline().text());
        assertEquals(1, article.body().size());
    }

    @Test
    void metadataAboveTheTitle() {
        ParsedArticle article = ArticleTextParser.parse("""
                Chủ nhật, 05/05/2024 - 19:05
                Phường Ngọc Lâm ra quân làm sạch đường phố
                Sáng nay, phường Ngọc Lâm ra quân làm sạch đường phố.""");
        assertEquals("Phường Ngọc Lâm ra quân làm sạch đường phố", article.title().text());
        assertEquals(LocalDateTime.of(2024, 5, 5, 19, 5), article.publishedAt());
        assertEquals(List.of("Sáng nay, phường Ngọc Lâm ra quân làm sạch đường phố."), article.body());
    }

    @Test
    void portalChromeAfterTheArticleIsDropped() {
        ParsedArticle article = ArticleTextParser.parse("""
                Phường Bách Khoa tổng kết năm
                Ngày đăng 10/01/2024 | 09:00 | Lượt xem: 5
                Phường Bách Khoa tổng kết công tác năm 2023.
                Trần Minh
                Chia sẻ
                In bài
                Quét mã QR để đọc trên điện thoại
                Tin khác
                Phường Bách Khoa ra quân đầu năm (05/01/2024)
                Phường Bách Khoa họp dân (02/01/2024)""");
        assertEquals(List.of("Phường Bách Khoa tổng kết công tác năm 2023."), article.body());
        assertEquals("Trần Minh", article.byline().text());
        assertTrue(article.captions().isEmpty());
    }

    @Test
    void onePargraphPerLinePortalsAndWrappedCaptions() {
        ParsedArticle article = ArticleTextParser.parse("""
                Tiêu đề bài
                Ngày đăng 01/02/2024 | 10:00
                Đoạn một kết thúc.
                Đoạn hai kết thúc.
                Đồng chí Nguyễn Văn A - Bí thư Đảng ủy,
                Chủ tịch Hội đồng nhân dân phường phát biểu
                Đoạn ba kết thúc.""");
        assertEquals(List.of("Đoạn một kết thúc.", "Đoạn hai kết thúc.", "Đoạn ba kết thúc."), article.body());
        assertEquals(List.of(new ParsedArticle.Caption(2,
                "Đồng chí Nguyễn Văn A - Bí thư Đảng ủy, Chủ tịch Hội đồng nhân dân phường phát biểu")), article.captions());
    }

    @Test
    void textIsComposedAndStraySpacesCleaned() {
        String decomposed = java.text.Normalizer.normalize("Phường Mỹ Đình 1 họp", java.text.Normalizer.Form.NFD);
        ParsedArticle article = ArticleTextParser.parse(decomposed + "\r\n\u00A0\u00A0 \r\nNgày đăng 01/02/2024 | 10:00\r\n"
                + "Nội\u00A0dung   bài\u202Fviết.\n   \n");
        assertEquals("Phường Mỹ Đình 1 họp", article.title().text());
        assertEquals(List.of("Nội dung bài viết."), article.body());
    }

    /** Date lines as portals print them, and the publication each gives (in Vietnam's time). */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Ngày đăng 04/01/2021 - 17:44                      | 2021-01-04T17:44
            2023-08-15                                         | 2023-08-15T00:00
            2023-08-15 09:30                                   | 2023-08-15T09:30
            2023-08-15T09:30:00+07:00                          | 2023-08-15T09:30
            2023-08-15T02:30:00Z                               | 2023-08-15T09:30
            2023-08-14T20:30:00.000-0500                       | 2023-08-15T08:30
            15 Tháng 8 2025                                    | 2025-08-15T00:00
            15 tháng 8, 2025                                   | 2025-08-15T00:00
            Thứ Sáu, ngày 15 tháng 8 năm 2025                  | 2025-08-15T00:00
            Thứ Sáu, ngày 15 tháng 8 năm 2025 - 10:05          | 2025-08-15T10:05
            Cập nhật: 15-8-2025 10:05                          | 2025-08-15T10:05
            """)
    void dateLines(String line, LocalDateTime expected) {
        String text = "Tiêu đề của bài\n" + line + "\nĐoạn thứ nhất.";
        ParsedArticle article = ArticleTextParser.parse(text);
        assertEquals(expected, article.publishedAt(), line);
        assertEquals("Tiêu đề của bài", article.title().text());
        assertEquals(List.of("Đoạn thứ nhất."), article.body());
    }

    @Test
    void withoutMetadataTheFirstLineIsTheTitleAndNothingIsLost() {
        ParsedArticle article = ArticleTextParser.parse("Tiêu đề không có ngày\nMột đoạn văn.\nMột đoạn khác.");
        assertEquals("Tiêu đề không có ngày", article.title().text());
        assertNull(article.publishedAt());
        assertEquals(List.of("Một đoạn văn.", "Một đoạn khác."), article.body());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Ngày đăng 31/02/2024 | 10:00", "2024-02-30 10:00", "ngày 31 tháng 4 năm 2024"})
    void anImpossibleDateIsNoDate(String line) {
        ParsedArticle article = ArticleTextParser.parse("Tiêu đề\n" + line + "\nNội dung.");
        assertNull(article.publishedAt());
    }

    @Test
    void neverThrowsAndNeverLosesAWord() {
        Random random = new Random(42);
        String alphabet = "aăâbcdđeêghiklmnoôơpqrstuưvxyÀÁẢÃẠĐ0123456789 .,:;|/-–“”\"()\n\n\t\u00A0";
        for (int run = 0; run < 500; run++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(400);
            for (int i = 0; i < length; i++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            ParsedArticle article = ArticleTextParser.parse(text.toString());
            String kept = String.join(" ", article.sections()) + " " + (article.title() == null ? "" : article.title().text()) + " "
                    + (article.metadata() == null ? "" : article.metadata().text()) + " " + String.join(" ", article.body()) + " "
                    + String.join(" ", article.captions().stream().map(ParsedArticle.Caption::text).toList()) + " "
                    + (article.byline() == null ? "" : article.byline().text());
            for (String word : ArticleTextParser.clean(text.toString()).split("\\s+")) {
                if (!word.isBlank() && !word.matches("[|/•·\\-–—_=*]+")) {
                    assertTrue(kept.contains(word), () -> "lost '" + word + "' from: " + text);
                }
            }
        }
        assertEquals(List.of(), ArticleTextParser.parse("").body());
        assertNull(ArticleTextParser.parse(null).title());
    }
}
