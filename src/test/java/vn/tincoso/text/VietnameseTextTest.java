package vn.tincoso.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.text.Normalizer;

import org.junit.jupiter.api.Test;

class VietnameseTextTest {

    @Test
    void foldingIgnoresDiacriticsCaseAndToneMarkPlacement() {
        assertEquals("quan uy", VietnameseText.fold("Quận uỷ"));
        assertEquals(VietnameseText.fold("Quận uỷ"), VietnameseText.fold("Quận ủy"));
        assertEquals("de an 11-da/tu", VietnameseText.fold("Đề án 11-ĐA/TU"));
        assertEquals("hoa", VietnameseText.fold("hoà"), "old-style tone placement");
        assertEquals(VietnameseText.fold("hoà"), VietnameseText.fold("hòa"));
    }

    @Test
    void decomposedInputFoldsLikeComposed() {
        String nfd = Normalizer.normalize("Phường Mỹ Đình", Normalizer.Form.NFD);
        assertEquals(VietnameseText.fold("Phường Mỹ Đình"), VietnameseText.fold(nfd));
    }

    @Test
    void cleanComposesAndCollapsesEveryKindOfSpace() {
        String messy = "  Phu\u031Bo\u031B\u0300ng\u00A0Mỹ \u202F Đình\t1 \n";
        assertEquals("Phường Mỹ Đình 1", VietnameseText.clean(messy));
    }

    @Test
    void slugs() {
        assertEquals("phuong-my-dinh-1", VietnameseText.slugify("Phường Mỹ Đình 1"));
        assertEquals("quan-uy-hai-ba-trung", VietnameseText.slugify("“Quận uỷ” Hai Bà Trưng!"));
        assertEquals("de-an-so-11", VietnameseText.slugify("Đề án số 11 của ban thường vụ", 12));
    }

    @Test
    void alphabeticalOrderIsSyllableBySyllable() {
        java.util.List<String> names = new java.util.ArrayList<>(java.util.List.of(
                "Thành phố Hải Phòng", "Phường Bạch Đằng", "Thành phố Hà Nội", "Phường Bách Khoa", "Phường Ba Đình", "Phường Bà Triệu"));
        names.sort(VietnameseText.ALPHABETICAL);
        assertEquals(java.util.List.of("Phường Ba Đình", "Phường Bà Triệu", "Phường Bách Khoa", "Phường Bạch Đằng", "Thành phố Hà Nội",
                "Thành phố Hải Phòng"), names);
    }
}
