package vn.tincoso.articles;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.text.Normalizer;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

import vn.tincoso.testing.Api;
import vn.tincoso.testing.Problems;
import vn.tincoso.testing.TestData;

@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ArticleResourceTest {

    static final String BACH_KHOA_11 = "Phường Bách Khoa sơ kết Đề án 11";
    static final String HBT_35 = "Quận ủy Hai Bà Trưng hội nghị Chỉ thị 35";
    static final String MY_DINH_12 = "Mỹ Đình 1 học tập hướng dẫn sinh hoạt chi bộ";
    static final String TO_7_09 = "Tổ dân phố số 7 sinh hoạt chi bộ";
    static final String NGO_QUYEN_ND = "Hải Phòng triển khai Nghị định về văn thư";
    static final String HA_NOI_YEAR = "Thành phố Hà Nội tổng kết năm";
    static final String DRAFT = "Bản nháp Đề án 11 chưa đăng";

    @Inject
    TestData data;

    long myDinhArticleId;
    long draftId;

    @BeforeAll
    void createArticles() {
        data.setUp(() -> {
            data.startWithStandardTree();
            data.article(BACH_KHOA_11).org("phuong-bach-khoa").publishedAt("2024-06-03T14:35:00").directive("11-ĐA/TU")
                    .body("Đảng ủy phường Bách Khoa sơ kết 3 năm thực hiện Đề án số 11-ĐA/TU của Ban Thường vụ Thành ủy.").save();
            data.article(HBT_35).org("quan-hai-ba-trung").publishedAt("2024-06-10T08:00:00").directive("35-CT/TU")
                    .body("Ban Thường vụ Quận uỷ Hai Bà Trưng triển khai Chỉ thị số 35-CT/TU.").save();
            myDinhArticleId = data.article(MY_DINH_12).org("phuong-my-dinh-1").publishedAt("2024-05-20T09:00:00")
                    .directive("12-HD/BTCTW").directive("11-ĐA/TU").byline("Trung Hiếu – MĐ 1").views(178)
                    .body("Phường Mỹ Đình 1 quán triệt Hướng dẫn 12-HD/BTCTW.", "Quang cảnh hội nghị").save().id;
            data.article(TO_7_09).org("to-dan-pho-so-7").publishedAt("2024-07-01T19:30:00").directive("09-CT/TW")
                    .body("Chi bộ tổ dân phố số 7 sinh hoạt theo Chỉ thị 09-CT/TW.").save();
            data.article(NGO_QUYEN_ND).org("quan-ngo-quyen").publishedAt("2023-12-31T23:30:00").directive("30/2020/NĐ-CP")
                    .body("Quận Ngô Quyền triển khai Nghị định 30/2020/NĐ-CP về công tác văn thư.").save();
            data.article(HA_NOI_YEAR).org("thanh-pho-ha-noi").publishedAt("2024-01-01T00:00:00")
                    .body("Thành ủy Hà Nội tổng kết công tác năm 2023 & đề ra <nhiệm vụ> “mới”.").save();
            draftId = data.article(DRAFT).org("phuong-bach-khoa").publishedAt("2024-08-01T08:00:00").directive("11-ĐA/TU")
                    .draft().save().id;
        });
    }

    private static ValidatableResponse list(Map<String, ?> params) {
        return given().queryParams(params).when().get("/api/v1/articles").then().statusCode(200);
    }

    private static void assertTitles(Map<String, ?> params, String... titles) {
        list(params).body("items.title", titles.length == 0 ? empty() : contains(titles));
    }

    @Test
    void newestFirstAndOnlyPublished() {
        assertTitles(Map.of(), TO_7_09, HBT_35, BACH_KHOA_11, MY_DINH_12, HA_NOI_YEAR, NGO_QUYEN_ND);
    }

    @Test
    void oldestFirst() {
        assertTitles(Map.of("sort", "oldest"), NGO_QUYEN_ND, HA_NOI_YEAR, MY_DINH_12, BACH_KHOA_11, HBT_35, TO_7_09);
    }

    @Test
    void byLevelRepeatableOrCommaSeparated() {
        assertTitles(Map.of("level", "ward"), BACH_KHOA_11, MY_DINH_12);
        assertTitles(Map.of("level", "ward,group"), TO_7_09, BACH_KHOA_11, MY_DINH_12);
        given().queryParam("level", "city").queryParam("level", "district").get("/api/v1/articles")
                .then().statusCode(200).body("items.title", contains(HBT_35, HA_NOI_YEAR, NGO_QUYEN_ND));
    }

    @Test
    void byOrganisationSubtreeByDefault() {
        assertTitles(Map.of("org", "quan-hai-ba-trung"), HBT_35, BACH_KHOA_11);
        assertTitles(Map.of("org", "phuong-my-dinh-1"), TO_7_09, MY_DINH_12);
        assertTitles(Map.of("org", "thanh-pho-ha-noi"), TO_7_09, HBT_35, BACH_KHOA_11, MY_DINH_12, HA_NOI_YEAR);
        assertTitles(Map.of("org", "thanh-pho-hai-phong", "scope", "subtree"), NGO_QUYEN_ND);
    }

    @Test
    void byOrganisationAloneWithExactScope() {
        assertTitles(Map.of("org", "quan-hai-ba-trung", "scope", "exact"), HBT_35);
        assertTitles(Map.of("org", "thanh-pho-ha-noi", "scope", "exact"), HA_NOI_YEAR);
        assertTitles(Map.of("org", "quan-nam-tu-liem", "scope", "exact"));
    }

    /** The articles of the set-up by the directives they cite, newest first; a code nobody cites has none. */
    private static final Map<String, List<String>> CITING = Map.of(
            "11-ĐA/TU", List.of(BACH_KHOA_11, MY_DINH_12),
            "12-HD/BTCTW", List.of(MY_DINH_12),
            "35-CT/TU", List.of(HBT_35),
            "09-CT/TW", List.of(TO_7_09),
            "30/2020/NĐ-CP", List.of(NGO_QUYEN_ND));

    @ParameterizedTest(name = "{0} → {1}")
    @CsvFileSource(resources = "/directives/spellings.csv", delimiter = '|', commentCharacter = '#')
    void byDirectiveInAnySpelling(String spelling, String code) {
        assertTitles(Map.of("directive", spelling), CITING.getOrDefault(code, List.of()).toArray(String[]::new));
    }

    @Test
    void aWellFormedDirectiveNobodyCitedGivesAnEmptyFeed() {
        list(Map.of("directive", "99-ĐA/TU")).body("items", empty()).body("next", nullValue());
    }

    @Test
    void byDirectiveTypeAndIssuer() {
        assertTitles(Map.of("type", "CT"), TO_7_09, HBT_35);
        assertTitles(Map.of("type", "ct", "issuer", "tw"), TO_7_09);
        assertTitles(Map.of("issuer", "BTCTW"), MY_DINH_12);
        assertTitles(Map.of("type", "DA"), BACH_KHOA_11, MY_DINH_12);
        assertTitles(Map.of("type", "nđ", "issuer", "CP"), NGO_QUYEN_ND);
        // type and issuer must hold for the same directive: no ĐA issued by BTCTW here.
        assertTitles(Map.of("type", "ĐA", "issuer", "BTCTW"));
    }

    @Test
    void byPublicationDateInHanoiTime() {
        assertTitles(Map.of("from", "2024-06-01", "to", "2024-06-30"), HBT_35, BACH_KHOA_11);
        // 23:30 on 31 December in Hà Nội is still 2023 there, though it is 16:30 UTC.
        assertTitles(Map.of("to", "2023-12-31"), NGO_QUYEN_ND);
        assertTitles(Map.of("from", "2024-01-01", "to", "2024-01-01"), HA_NOI_YEAR);
        assertTitles(Map.of("from", "2024-06-10T08:00:00+07:00"), TO_7_09, HBT_35);
    }

    @Test
    void everyFilterCombined() {
        assertTitles(Map.of("org", "thanh-pho-ha-noi", "level", "ward", "directive", "11-da-tu", "type", "HD",
                "issuer", "BTCTW", "from", "2024-05-01", "to", "2024-05-31", "q", "quan triet"), MY_DINH_12);
        assertTitles(Map.of("org", "quan-hai-ba-trung", "level", "ward", "directive", "11-ĐA/TU", "from", "2024-06-01"),
                BACH_KHOA_11);
        assertTitles(Map.of("org", "quan-hai-ba-trung", "level", "district", "directive", "11-ĐA/TU"));
    }

    @Test
    void searchIgnoresDiacriticsAndToneMarkPlacement() {
        List<String> withDiacritics = list(Map.of("q", "Đề án 11")).extract().path("items.title");
        List<String> without = list(Map.of("q", "de an 11")).extract().path("items.title");
        assertEquals(List.of(BACH_KHOA_11), withDiacritics);
        assertEquals(withDiacritics, without);

        List<String> uyWithHookOnY = list(Map.of("q", "Quận uỷ")).extract().path("items.title");
        List<String> uyWithHookOnU = list(Map.of("q", "Quận ủy")).extract().path("items.title");
        assertEquals(List.of(HBT_35), uyWithHookOnY);
        assertEquals(uyWithHookOnY, uyWithHookOnU);
        assertTitles(Map.of("q", "QUAN UY"), HBT_35);
        assertTitles(Map.of("q", "11-da/tu"), BACH_KHOA_11);
        assertTitles(Map.of("q", "12-HD/BTCTW"), MY_DINH_12);
    }

    @Test
    void searchOrdersByRelevanceAndHighlightsASnippet() {
        list(Map.of("q", "sinh hoạt chi bộ"))
                .body("items.title", contains(TO_7_09, MY_DINH_12))
                .body("items[0].snippet", containsString("<mark>sinh</mark> <mark>hoạt</mark>"));
        assertTitles(Map.of("q", "sinh hoạt chi bộ", "sort", "oldest"), MY_DINH_12, TO_7_09);
    }

    @Test
    void snippetsAreEscapedHtml() {
        list(Map.of("q", "nhiem vu"))
                .body("items.title", contains(HA_NOI_YEAR))
                .body("items[0].snippet", startsWith("Thành ủy Hà Nội tổng kết công tác năm 2023 &amp; đề ra "
                        + "&lt;<mark>nhiệm</mark> <mark>vụ</mark>&gt; “mới"));
    }

    @Test
    void withoutQNoSnippet() {
        list(Map.of()).body("items", everyItem(not(hasKey("snippet"))));
    }

    @Test
    void sparseFieldsKeepOnlyWhatWasAskedAndTheId() {
        list(Map.of("fields", "title,publishedAt", "limit", "1"))
                .body("items[0].keySet()", containsInAnyOrder("id", "title", "publishedAt"))
                .body("items[0].title", is(TO_7_09))
                .body("items[0].publishedAt", is("2024-07-01T19:30:00+07:00"));
    }

    @Test
    void itemsCarryTheirTags() {
        list(Map.of("directive", "12-HD/BTCTW"))
                .body("items[0].organisation.slug", is("phuong-my-dinh-1"))
                .body("items[0].organisation.name", is("Phường Mỹ Đình 1"))
                .body("items[0].organisation.level", is("ward"))
                .body("items[0].directives.code", contains("11-ĐA/TU", "12-HD/BTCTW"))
                .body("items[0].viewCount", is(178))
                .body("items[0].url", is(Api.base() + "/api/v1/articles/my-dinh-1-hoc-tap-huong-dan-sinh-hoat-chi-bo"));
    }

    @Test
    void oneArticleBySlugWithItsOrganisationChainAndDirectives() {
        given().get("/api/v1/articles/my-dinh-1-hoc-tap-huong-dan-sinh-hoat-chi-bo").then().statusCode(200)
                .body("id", is((int) myDinhArticleId))
                .body("title", is(MY_DINH_12))
                .body("body", contains("Phường Mỹ Đình 1 quán triệt Hướng dẫn 12-HD/BTCTW.", "Quang cảnh hội nghị"))
                .body("summary", is("Phường Mỹ Đình 1 quán triệt Hướng dẫn 12-HD/BTCTW."))
                .body("publishedAt", is("2024-05-20T09:00:00+07:00"))
                .body("byline", is("Trung Hiếu – MĐ 1"))
                .body("organisationChain.slug", contains("phuong-my-dinh-1", "quan-nam-tu-liem", "thanh-pho-ha-noi"))
                .body("organisationChain.level", contains("ward", "district", "city"))
                .body("directives.code", contains("11-ĐA/TU", "12-HD/BTCTW"))
                .body("directives[1].typeName", is("Hướng dẫn"))
                .body("directives[1].issuerName", is("Ban Tổ chức Trung ương"))
                .body("version", is(0));
    }

    @Test
    void oneArticleById() {
        given().get("/api/v1/articles/" + myDinhArticleId).then().statusCode(200).body("title", is(MY_DINH_12));
    }

    @Test
    void draftsAreNeverVisible() {
        Problems.assertProblem(given().get("/api/v1/articles/" + draftId).then(), 404);
        Problems.assertProblem(given().get("/api/v1/articles/ban-nhap-de-an-11-chua-dang").then(), 404);
        list(Map.of("q", "bản nháp")).body("items", empty());
    }

    @Test
    void unknownArticleIsAProblem() {
        Problems.assertProblem(given().get("/api/v1/articles/khong-co-bai-nay").then(), 404)
                .body("title", is("Resource not found"))
                .body("instance", is("/api/v1/articles/khong-co-bai-nay"));
    }

    @Test
    void vietnameseTextIsStoredAsNfcAndComesBackUnchanged() {
        String decomposed = Normalizer.normalize("Phường Mỹ Đình 1 — “Quận uỷ” & <b>", Normalizer.Form.NFD);
        long id = data.article(decomposed).org("phuong-my-dinh-1").publishedAt("2019-01-01T08:00:00").save().id;
        try {
            given().get("/api/v1/articles/" + id).then().statusCode(200)
                    .contentType(containsString("application/json"))
                    .body("title", is("Phường Mỹ Đình 1 — “Quận uỷ” & <b>"));
        } finally {
            data.delete(id);
        }
    }

    /** One time format in every answer: whole seconds and +07:00, though the database keeps microseconds. */
    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/articles", "/api/v1/feeds/articles.json", "/api/v1/changes", "/api/v1/directives"})
    void everyTimestampIsWholeSecondsInHanoiTime(String path) throws Exception {
        data.setUp(() -> data.execute("update article set updated_at = '2024-06-03 07:35:00.123456+00' where id = " + myDinhArticleId));
        String answer = given().get(path).then().statusCode(200).extract().asString();
        List<String> times = new java.util.ArrayList<>();
        collectTimes(new com.fasterxml.jackson.databind.ObjectMapper().readTree(answer), times);
        org.junit.jupiter.api.Assertions.assertFalse(times.isEmpty() && !path.endsWith("directives"), path + " has no timestamp");
        for (String time : times) {
            org.junit.jupiter.api.Assertions.assertTrue(time.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+07:00"),
                    path + " prints " + time);
        }
    }

    private static void collectTimes(com.fasterxml.jackson.databind.JsonNode node, List<String> times) {
        if (node.isTextual() && node.asText().matches("\\d{4}-\\d\\d-\\d\\dT.*")) {
            times.add(node.asText());
        }
        node.forEach(child -> collectTimes(child, times));
    }
}
