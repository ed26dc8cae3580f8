package vn.tincoso.ingest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import vn.tincoso.testing.Api;
import vn.tincoso.testing.ContractFilter;
import vn.tincoso.testing.Problems;
import vn.tincoso.testing.TestData;
import vn.tincoso.testing.Slow;

@Slow
@QuarkusTest
public class ImportResourceTest {

    public static final String MY_DINH = """
            TIN TỨC HOẠT ĐỘNG CỦA HỘI ĐOÀN THỂ VÀ CÁC PHƯỜNG TIN TỨC HOẠT ĐỘNG CỦA HỘI ĐOÀN THỂ VÀ CÁC PHƯỜNG

            Phường Mỹ Đình 1 sơ kết 3 năm thực hiện Đề án số 11 của ban thường vụ thành ủy
            Ngày đăng 03/06/2024 | 14:35  | Lượt xem: 178

            (NTL) Sáng ngày 31/5, Đảng ủy phường Mỹ Đình 1 đã tổ chức Hội nghị Sơ kết 3 năm thực hiện Đề án số 11-ĐA/TU, ngày 06/12/2021 của Ban Thường vụ Thành ủy Hà Nội về “Nâng cao chất lượng sinh hoạt chi bộ thuộc Đảng bộ Thành phố Hà Nội trong tình hình mới”.

            Nhân dịp này, Đảng ủy phường khen thưởng 05 tập thể và 05 cá nhân có thành tích xuất sắc trong việc triển khai thực hiện Đề án 11.

            Trung Hiếu – MĐ 1""";

    static final String NGOC_LAM_GROUP = """
            Chi bộ tổ dân phố số 7, Đảng bộ phường Ngọc Lâm tổ chức sinh hoạt chuyên đề
            Thứ Năm, 15/08/2024 19:30
            Tối 14/8, Chi bộ tổ dân phố số 7, Đảng bộ phường Ngọc Lâm tổ chức sinh hoạt chuyên đề theo Hướng dẫn 12-HD/BTCTW.""";

    static final String NEW_WARD = """
            Phường Hoa Sen mới thành lập ra mắt
            Ngày đăng 01/07/2025 | 08:00 | Lượt xem: 3
            Sáng 1/7, phường Hoa Sen thuộc quận Hai Bà Trưng ra mắt Đảng ủy phường theo Quyết định 15/2025/QĐ-UBND.""";

    /** Sent as UTF-8, as the API expects; a client's other declared charset is decoded as declared. */
    public static final String TEXT = "text/plain; charset=UTF-8";

    @Inject
    TestData data;


    @BeforeEach
    void emptyDatabaseWithGazetteer() {
        data.startWithGazetteer();
    }

    @Test
    void importsOneTextWithEveryTagAndItsSpan() {
        admin().contentType(TEXT).body(MY_DINH).post("/api/v1/imports").then().statusCode(201)
                .header("Location", startsWith(Api.base() + "/api/v1/articles/phuong-my-dinh-1-so-ket"))
                .body("created", is(1))
                .body("items[0].status", is("created"))
                .body("items[0].title", is("Phường Mỹ Đình 1 sơ kết 3 năm thực hiện Đề án số 11 của ban thường vụ thành ủy"))
                .body("items[0].publishedAt", is("2024-06-03T14:35:00+07:00"))
                .body("items[0].viewCount", is(178))
                .body("items[0].articleStatus", is("published"))
                .body("items[0].metadataSpan.text", is("Ngày đăng 03/06/2024 | 14:35 | Lượt xem: 178"))
                .body("items[0].byline", is("Trung Hiếu – MĐ 1"))
                .body("items[0].sections", contains("TIN TỨC HOẠT ĐỘNG CỦA HỘI ĐOÀN THỂ VÀ CÁC PHƯỜNG"))
                .body("items[0].organisation.slug", is("phuong-my-dinh-1"))
                .body("items[0].organisation.level", is("ward"))
                .body("items[0].organisation.created", is(false))
                .body("items[0].organisation.chain.slug", contains("phuong-my-dinh-1", "quan-nam-tu-liem", "thanh-pho-ha-noi"))
                .body("items[0].organisation.span.text", is("Phường Mỹ Đình 1"))
                .body("items[0].directives.code", contains("11-ĐA/TU"))
                .body("items[0].directives[0].issuedOn", is("2021-12-06"))
                .body("items[0].directives[0].spans.text", contains("Đề án số 11", "11-ĐA/TU", "Đề án 11"));
        given().queryParam("directive", "11-da-tu").get("/api/v1/articles").then().statusCode(200)
                .body("items.organisation.slug", contains("phuong-my-dinh-1"));
    }

    @Test
    void importingTheSameTextTwiceUpdates() {
        int id = admin().contentType(TEXT).body(MY_DINH).post("/api/v1/imports").then().statusCode(201)
                .extract().path("items[0].id");
        admin().contentType(TEXT).body(MY_DINH).post("/api/v1/imports").then().statusCode(200)
                .body("updated", is(1)).body("items[0].id", is(id));
        given().get("/api/v1/articles").then().body("items.size()", is(1));
    }

    @Test
    void importingTheSameSourceUrlTwiceUpdatesWithTheNewText() {
        String url = "https://namtuliem.example.vn/tin/so-ket-de-an-11";
        int id = admin().contentType(TEXT).queryParam("sourceUrl", url).body(MY_DINH).post("/api/v1/imports")
                .then().statusCode(201).extract().path("items[0].id");
        String edited = MY_DINH.replace("Lượt xem: 178", "Lượt xem: 250");
        admin().contentType(TEXT).queryParam("sourceUrl", url).body(edited).post("/api/v1/imports").then()
                .statusCode(200).body("items[0].status", is("updated")).body("items[0].id", is(id)).body("items[0].viewCount", is(250));
        given().get("/api/v1/articles/" + id).then().body("viewCount", is(250)).body("sourceUrl", is(url)).body("version", is(1));
    }

    @Test
    void dryRunStoresNothing() {
        admin().contentType(TEXT).queryParam("dryRun", "true").body(NEW_WARD).post("/api/v1/imports").then()
                .statusCode(200)
                .body("dryRun", is(true))
                .body("items[0].status", is("needs-review"))
                .body("items[0].id", nullValue())
                .body("items[0].directives.code", contains("15/2025/QĐ-UBND"));
        admin().contentType(TEXT).queryParam("dryRun", "true").body(NGOC_LAM_GROUP).post("/api/v1/imports").then()
                .statusCode(200).body("items[0].organisation.created", is(true));
        given().get("/api/v1/articles").then().body("items", empty());
        given().get("/api/v1/organisations/to-dan-pho-so-7-phuong-ngoc-lam").then().statusCode(404);
        given().get("/api/v1/directives").then().body("", empty());
    }

    /** A commune the gazetteer does not know is no unit of the tree: nothing is invented, the article waits for review. */
    @Test
    void anUnknownCommuneIsNotInventedTheArticleWaitsForReview() {
        admin().contentType(TEXT).body(NEW_WARD).post("/api/v1/imports").then().statusCode(201)
                .body("items[0].status", is("needs-review")).body("items[0].articleStatus", is("needs-review"))
                .body("items[0].organisation", nullValue())
                .body("items[0].review.candidates.slug", contains("quan-hai-ba-trung"))
                .body("items[0].review.candidates[0].text", is("quận Hai Bà Trưng"));
        given().get("/api/v1/organisations/phuong-hoa-sen").then().statusCode(404);
        given().queryParam("org", "quan-hai-ba-trung").get("/api/v1/articles").then().body("items", empty());
    }

    @Test
    void aGroupIsCreatedUnderItsWard() {
        admin().contentType(TEXT).body(NGOC_LAM_GROUP).post("/api/v1/imports").then().statusCode(201)
                .body("items[0].organisation.name", is("Tổ dân phố số 7"))
                .body("items[0].organisation.level", is("group"))
                .body("items[0].organisation.chain.slug", contains("to-dan-pho-so-7-phuong-ngoc-lam", "phuong-ngoc-lam",
                        "quan-long-bien", "thanh-pho-ha-noi"))
                .body("items[0].publishedAt", is("2024-08-15T19:30:00+07:00"));
        // Imported again under another URL it is the same group, not a second one.
        admin().contentType(TEXT).body(NGOC_LAM_GROUP + "\nThêm một đoạn.").post("/api/v1/imports").then()
                .statusCode(201).body("items[0].organisation.created", is(false));
        given().queryParam("level", "group").get("/api/v1/organisations").then().body("slug", contains("to-dan-pho-so-7-phuong-ngoc-lam"));
    }

    @Test
    void aBatchStoresTheValidItemsAndReportsTheBadOnesByIndex() {
        String ndjson = String.join("\n",
                json(MY_DINH, "https://namtuliem.example.vn/a", null),
                "{this is not json",
                "{\"sourceUrl\": \"https://x.example.vn/b\"}",
                json(NGOC_LAM_GROUP, "ftp://bad", null),
                json("Một dòng không có đơn vị nào\nNgày đăng 01/01/2024 | 08:00\nNội dung bài viết.", null, null),
                json(NEW_WARD, null, "{\"organisation\": \"khong-co\"}"),
                json(NGOC_LAM_GROUP, null, "{\"directives\": [\"11 - ĐA/TU\"]}"),
                "[1, 2]");
        ndjson().body(ndjson).post("/api/v1/imports").then().statusCode(200)
                .body("created", is(2)).body("rejected", is(5))
                .body("items.status", contains("created", "rejected", "rejected", "rejected", "needs-review", "rejected", "created", "rejected"))
                .body("items.index", contains(0, 1, 2, 3, 4, 5, 6, 7))
                .body("items[1].field", is("")).body("items[1].error", startsWith("không phải JSON hợp lệ (dòng 1"))
                .body("items[2].field", is("/text")).body("items[2].error", is("thiếu hoặc trống"))
                .body("items[3].field", is("/sourceUrl"))
                .body("items[4].review.reason", containsString("names no unit"))
                .body("items[5].field", is("/overrides/organisation"))
                .body("items[7].field", is("")).body("items[7].error", containsString("không phải một đối tượng JSON"))
                .body("items[6].directives.code", contains("12-HD/BTCTW", "11-ĐA/TU"));
        given().get("/api/v1/articles").then().body("items.size()", is(2));
    }

    @Test
    void aJsonArrayWorksLikeNdjson() {
        admin().header(ContractFilter.INVALID_ON_PURPOSE, "42 is no item: reported in its place")
                .contentType(ContentType.JSON).body("[" + json(MY_DINH, null, null) + ", 42]").post("/api/v1/imports").then()
                .statusCode(200).body("items.status", contains("created", "rejected"));
    }

    @Test
    void aBareObjectIsTakenAsAnArrayOfOne() {
        admin().header(ContractFilter.INVALID_ON_PURPOSE, "documented as an array; one object is accepted too, as before")
                .contentType(ContentType.JSON).body(json(MY_DINH, null, null)).post("/api/v1/imports").then()
                .statusCode(200).body("items.status", contains("created")).body("items[0].index", is(0));
    }

    @Test
    void overridesWinOverTheText() {
        admin().contentType(ContentType.JSON)
                .body("[" + json(MY_DINH, null, "{\"organisation\": \"quan-nam-tu-liem\", \"title\": \"Tiêu đề do biên tập viên đặt\", "
                        + "\"publishedAt\": \"2024-06-04T08:00:00+07:00\"}") + "]")
                .post("/api/v1/imports").then().statusCode(200)
                .body("items[0].organisation.slug", is("quan-nam-tu-liem"))
                .body("items[0].organisation.span", nullValue())
                .body("items[0].title", is("Tiêu đề do biên tập viên đặt"))
                .body("items[0].publishedAt", is("2024-06-04T08:00:00+07:00"));
    }

    @Test
    void textWithoutADateBecomesADraft() {
        admin().contentType(TEXT).body("Phường Bách Khoa tổ chức họp dân\nPhường Bách Khoa tổ chức họp dân về trật tự đô thị.")
                .post("/api/v1/imports").then().statusCode(201)
                .body("items[0].articleStatus", is("draft")).body("items[0].publishedAt", nullValue());
        given().get("/api/v1/articles").then().body("items", empty());
    }

    @Test
    void anUnplaceableTextIsKeptForReviewAndOnlyANonArticleIs422() {
        admin().contentType(TEXT).body("Hội nghị\nNgày đăng 01/01/2024 | 08:00\nNội dung.").post("/api/v1/imports").then()
                .statusCode(201).body("items[0].status", is("needs-review")).body("items[0].review.candidates", empty());
        // Cut off after the title, with no paragraph at all: still an article.
        admin().contentType(TEXT).body("Đảng ủy phường Mỹ Đình 1 tổ chức Đại hội\nNgày đăng 20/07/2024").post("/api/v1/imports").then()
                .statusCode(201).body("items[0].organisation.slug", is("phuong-my-dinh-1")).body("items[0].paragraphs", is(0));
        Problems.assertProblem(admin().contentType(TEXT).body("   ").post("/api/v1/imports").then(), 422)
                .body("title", is("Article cannot be imported")).body("errors[0].field", is("/text"));
        given().get("/api/v1/articles").then().body("items.size()", is(1));
    }

    @Test
    void badRequestsAreProblems() {
        Problems.assertInvalidParameter(admin().contentType(TEXT).queryParam("dryRun", "maybe").body(MY_DINH)
                .post("/api/v1/imports").then(), "dryRun");
        Problems.assertProblem(admin().contentType(ContentType.JSON).body("{not json").post("/api/v1/imports").then(), 400)
                .body("type", is("https://tincoso.vn/problems/invalid-body"));
        String tooMany = String.join("\n", java.util.Collections.nCopies(ImportService.MAX_ITEMS + 1, "{}"));
        Problems.assertProblem(ndjson().body(tooMany).post("/api/v1/imports").then(), 400)
                .body("type", is("https://tincoso.vn/problems/invalid-body")).body("errors[0].field", is(""))
                .body("errors[0].message", containsString("tối đa " + ImportService.MAX_ITEMS));
        // dryRun says true or false, or is absent: present without a value it is refused, not taken as false.
        for (String dryRun : new String[] {"", "maybe"}) {
            Problems.assertInvalidParameter(admin().contentType(TEXT).body(MY_DINH).post("/api/v1/imports?dryRun" + (dryRun.isEmpty() ? "" : "=" + dryRun)).then(), "dryRun");
        }
        Problems.assertInvalidParameter(admin().contentType(TEXT).body(MY_DINH).post("/api/v1/imports?dryRun=").then(), "dryRun");
        // A matrix parameter is part of the path segment, which then names no endpoint.
        Problems.assertProblem(admin().contentType(TEXT).body(MY_DINH).post("/api/v1/imports;dryRun=true").then(), 404);
        Problems.assertInvalidParameter(admin().contentType(TEXT).queryParam("sourceUrl", "https://a.example.vn/1", "https://a.example.vn/2")
                .body(MY_DINH).post("/api/v1/imports").then(), "sourceUrl");
        given().get("/api/v1/articles").then().body("items.size()", is(0));
        Problems.assertProblem(admin().contentType(ContentType.XML).body("<a/>").post("/api/v1/imports").then(), 415);
    }

    public static io.restassured.specification.RequestSpecification admin() {
        return given().header("Authorization", vn.tincoso.testing.Tokens.admin());
    }

    private static io.restassured.specification.RequestSpecification ndjson() {
        return vn.tincoso.testing.Imports.ndjsonAsAdmin();
    }

    private static String json(String text, String sourceUrl, String overrides) {
        StringBuilder json = new StringBuilder("{\"text\": ").append(vn.tincoso.testing.Json.quote(text));
        if (sourceUrl != null) {
            json.append(", \"sourceUrl\": ").append(vn.tincoso.testing.Json.quote(sourceUrl));
        }
        if (overrides != null) {
            json.append(", \"overrides\": ").append(overrides);
        }
        return json.append('}').toString();
    }
}
