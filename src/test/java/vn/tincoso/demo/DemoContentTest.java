package vn.tincoso.demo;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

import vn.tincoso.testing.TestData;
import vn.tincoso.testing.Tokens;
import vn.tincoso.testing.Slow;

/** The three sample articles, imported from their raw text and tagged as a reader of them would tag them. */
@Slow
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoContentTest {

    @Inject
    TestData data;

    @Inject
    DemoContent demoContent;

    @BeforeAll
    void loadDemoContent() {
        data.setUp(() -> {
            data.reset();
            assertEquals(8, demoContent.loadIntoEmptyDatabase());
        });
    }

    @Test
    void loadsOnlyIntoAnEmptyDatabase() {
        assertEquals(0, demoContent.loadIntoEmptyDatabase());
        given().get("/api/v1/articles").then().statusCode(200).body("items.size()", is(7));
    }

    @Test
    void eachDemoArticleBeginsItsHistoryAsAnImport() {
        for (int id : given().get("/api/v1/articles?fields=id&limit=100").<java.util.List<Integer>>path("items.id")) {
            given().header("Authorization", Tokens.admin()).get("/api/v1/articles/" + id + "/revisions").then().statusCode(200)
                    .body("action", contains("imported")).body("actor", contains("noi-dung-mau"));
        }
    }

    private static ValidatableResponse article(String directive, String org) {
        String slug = given().queryParam("org", org).queryParam("scope", "exact").get("/api/v1/articles")
                .then().statusCode(200).body("items.size()", is(1)).extract().path("items[0].slug");
        return given().get("/api/v1/articles/" + slug).then().statusCode(200);
    }

    @Test
    void myDinh1WardReviewOfDeAn11() {
        article("11-ĐA/TU", "phuong-my-dinh-1")
                .body("title", is("Phường Mỹ Đình 1 sơ kết 3 năm thực hiện Đề án số 11 của ban thường vụ thành ủy"))
                .body("section", is("TIN TỨC HOẠT ĐỘNG CỦA HỘI ĐOÀN THỂ VÀ CÁC PHƯỜNG"))
                .body("publishedAt", is("2024-06-03T14:35:00+07:00"))
                .body("viewCount", is(178))
                .body("byline", is("Trung Hiếu – MĐ 1"))
                .body("organisation.level", is("ward"))
                .body("organisationChain.name", contains("Phường Mỹ Đình 1", "Quận Nam Từ Liêm", "Thành phố Hà Nội"))
                .body("directives.code", contains("11-ĐA/TU"))
                .body("directives[0].issuedOn", is("2021-12-06"))
                .body("directives[0].title", is("Nâng cao chất lượng sinh hoạt chi bộ thuộc Đảng bộ Thành phố Hà Nội trong tình hình mới"))
                .body("body.size()", is(4))
                .body("body[0]", org.hamcrest.Matchers.startsWith("(NTL) Sáng ngày 31/5, Đảng ủy phường Mỹ Đình 1 đã tổ chức"));
    }

    @Test
    void haiBaTrungDistrictReviewCitesDeAn11AndHuongDan12() {
        article("11-ĐA/TU", "quan-hai-ba-trung")
                .body("publishedAt", is("2024-06-26T11:29:00+07:00"))
                .body("viewCount", is(141))
                .body("byline", nullValue())
                .body("organisation.level", is("district"))
                .body("organisationChain.slug", contains("quan-hai-ba-trung", "thanh-pho-ha-noi"))
                .body("directives.code", contains("11-ĐA/TU", "12-HD/BTCTW"))
                .body("directives[1].issuedOn", is("2018-07-06"))
                .body("directives[1].title", is("Nâng cao chất lượng sinh hoạt chi bộ"))
                .body("body.size()", is(5))
                .body("captions.text", contains("Quang cảnh hội nghị",
                        "Đồng chí Trần Quyết Thắng - Phó Bí thư thường trực Quận ủy, Chủ tịch Hội đồng nhân dân quận phát biểu chỉ đạo tại hội nghị",
                        "Đồng chí Trần Quyết Thắng - Phó Bí thư thường trực Quận ủy, Chủ tịch Hội đồng nhân dân quận trao bằng khen cho các tập thể, cá nhân"))
                .body("captions.after", contains(2, 3, 4));
    }

    @Test
    void thoQuanWardStudiesTheCityCongressResolution() {
        article(null, "phuong-tho-quan")
                .body("publishedAt", is("2021-01-04T17:44:00+07:00"))
                .body("viewCount", is(32))
                .body("byline", is("Cao Xuân Dũng"))
                .body("section", is("HOẠT ĐỘNG CÁC PHƯỜNG"))
                .body("organisationChain.name", contains("Phường Thổ Quan", "Quận Đống Đa", "Thành phố Hà Nội"))
                .body("directives", empty())
                .body("body.size()", is(6))
                .body("captions.text", contains(org.hamcrest.Matchers.startsWith("Đ/c Đinh Thị Lan Hương"),
                        is("Quang cảnh hội trường"), is("Quang cảnh hội trường")));
    }

    @Test
    void samplesOfTheNewMapAndOtherProvincesAreTaggedToo() {
        article(null, "phuong-hoan-kiem").body("organisingBody", is("government"))
                .body("organisationChain.slug", contains("phuong-hoan-kiem", "thanh-pho-ha-noi"))
                .body("directives.code", contains("1656/NQ-UBTVQH15"));
        article(null, "phuong-son-tra").body("organisingBody", is("front"))
                .body("directives.code", contains("09-CT/TW", "35-KH/ĐU"));
        article(null, "dac-khu-van-don").body("organisingBody", is("party")).body("directives.code", contains("01-CTr/TU"))
                .body("organisationChain.slug", contains("dac-khu-van-don", "tinh-quang-ninh"));
        article(null, "huyen-quang-xuong").body("organisingBody", is("government"))
                .body("directives.code", contains("1055/QĐ-UBND", "87/KH-UBND"));
        // Seven communes are called Xã Tân Thành: that sample waits for review, out of every public read.
        given().header("Authorization", Tokens.admin()).get("/api/v1/review").then()
                .body("items.title", contains("Hội LHPN xã Tân Thành tổ chức tọa đàm kỷ niệm ngày Phụ nữ Việt Nam"));
    }

    @Test
    void theCityFeedAggregatesItsWardsAndDistricts() {
        given().queryParam("org", "thanh-pho-ha-noi").queryParam("directive", "11 - DA/TU").get("/api/v1/articles")
                .then().statusCode(200).body("items.organisation.slug", contains("quan-hai-ba-trung", "phuong-my-dinh-1"));
    }
}
