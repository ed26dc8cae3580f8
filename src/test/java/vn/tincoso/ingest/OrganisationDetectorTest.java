package vn.tincoso.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import vn.tincoso.organisations.Level;

class OrganisationDetectorTest {

    private static OrganisationDetector.Mention organiser(String title, String firstParagraph) {
        String text = title + "\n" + firstParagraph;
        List<Span> regions = List.of(Span.of(text, 0, title.length()), Span.of(text, title.length() + 1, text.length()));
        return OrganisationDetector.detect(text, regions).organiser().orElseThrow();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Đảng ủy phường Mỹ Đình 1 đã tổ chức hội nghị | ward | Phường Mỹ Đình 1",
            "Phường Mỹ Đình 1 sơ kết 3 năm thực hiện Đề án | ward | Phường Mỹ Đình 1",
            "UBND xã Bát Tràng tổ chức lễ hội | ward | Xã Bát Tràng",
            "Thị trấn Trâu Quỳ ra quân vệ sinh môi trường | ward | Thị trấn Trâu Quỳ",
            "Ban Thường vụ Quận uỷ Hai Bà Trưng tổ chức hội nghị | district | Quận Hai Bà Trưng",
            "Quận ủy Hai Bà Trưng tổ chức sơ kết | district | Quận Hai Bà Trưng",
            "Huyện ủy Gia Lâm quán triệt nghị quyết | district | Huyện Gia Lâm",
            "Thị ủy Sơn Tây triển khai kế hoạch | district | Thị xã Sơn Tây",
            "Thành ủy Hà Nội tổ chức hội nghị trực tuyến | city | Thành phố Hà Nội",
            "Thành phố Hải Phòng phát động phong trào | city | Thành phố Hải Phòng",
            "Chi bộ tổ dân phố số 7, Đảng bộ phường Ngọc Lâm tổ chức sinh hoạt | group | Tổ dân phố số 7",
            "Khu dân cư số 3 phường Cầu Dền ra quân | group | Khu dân cư số 3"})
    void findsTheUnitThatHeldTheEventAndItsLevel(String title, String level, String name) {
        OrganisationDetector.Mention mention = organiser(title, "Nội dung bài.");
        assertEquals(Level.fromCode(level).orElseThrow(), mention.level());
        assertEquals(name, mention.name());
    }

    @Test
    void theOrganiserIsTheUnitAVerbOfOrganisingFollows() {
        OrganisationDetector.Mention mention = organiser("Hội nghị quán triệt nghị quyết của Thành ủy Hà Nội",
                "Ngày 29/12/2020, Đảng ủy phường Thổ Quan tổ chức hội nghị quán triệt Nghị quyết Đại hội Đảng bộ thành phố Hà Nội.");
        assertEquals("Phường Thổ Quan", mention.name());
    }

    @Test
    void aGroupKnowsItsWard() {
        OrganisationDetector.Mention group = organiser("Chi bộ tổ dân phố số 7, Đảng bộ phường Ngọc Lâm tổ chức sinh hoạt chuyên đề", "");
        assertEquals("Phường Ngọc Lâm", group.parent().name());
    }

    @Test
    void toneMarkPlacementAndCaseDoNotMatter() {
        assertEquals("Quận Hai Bà Trưng", organiser("BAN THƯỜNG VỤ QUẬN UỶ Hai Bà Trưng tổ chức hội nghị", "").name());
        assertEquals(Level.DISTRICT, organiser("Quận uỷ Long Biên tổ chức hội nghị", "").level());
    }

    @Test
    void anAllCapsTitleOffersShorterNames() {
        OrganisationDetector.Mention mention = organiser("PHƯỜNG MỸ ĐÌNH 1 SƠ KẾT ĐỀ ÁN", "");
        assertTrue(mention.namesLongestFirst().contains("Phường MỸ ĐÌNH 1"));
    }

    @Test
    void wordsThatOnlyLookLikeUnitsAreNotUnits() {
        String text = "Xã hội hóa công tác giáo dục được quan tâm; các quận, huyện, thị xã triển khai.";
        assertTrue(OrganisationDetector.detect(text, List.of(Span.of(text, 0, text.length()))).mentions().isEmpty());
    }
}
