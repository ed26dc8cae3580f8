package vn.tincoso.organisations;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import io.quarkus.test.junit.QuarkusTest;

import vn.tincoso.articles.OrganisingBody;
import vn.tincoso.testing.Problems;
import vn.tincoso.testing.TestData;
import vn.tincoso.testing.Slow;

/**
 * All of Vietnam before and after 1 July 2025: the tree of a day, units with their kind, code, validity and lineage,
 * and feeds that follow a unit through the reform (scope=lineage) or stay with one era (level=district).
 */
@Slow
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NationalTreeTest {

    @Inject
    TestData data;

    @Inject
    Gazetteer gazetteer;

    @BeforeAll
    void nationalGazetteerAndArticlesOfBothEras() {
        data.setUp(() -> {
            data.startWithGazetteer();
            data.article("Phường Hàng Bạc ra quân vệ sinh môi trường").org("phuong-hang-bac").publishedAt("2023-04-10T08:00").save();
            data.article("Quận ủy Hoàn Kiếm sơ kết").org("quan-hoan-kiem").heldBy(OrganisingBody.PARTY).publishedAt("2024-05-10T08:00").save();
            data.article("UBND phường Hoàn Kiếm ra mắt trung tâm hành chính công").org("phuong-hoan-kiem")
                    .heldBy(OrganisingBody.GOVERNMENT).publishedAt("2025-07-01T09:00").save();
            data.article("Phường Sơn Trà ra mắt mô hình").org("phuong-son-tra").heldBy(OrganisingBody.FRONT).publishedAt("2025-08-15T16:00").save();
        });
    }

    @Test
    void everyUnitOfBothMapsIsLoadedOnce() {
        // 63 provinces on any day before the reform (Tỉnh Thừa Thiên Huế became Thành phố Huế on 2025-01-01, so 64 rows),
        // 34 in force; 720 districts; 11,195 old and 3,321 new communes.
        assertEquals(0, data.count("select count(*) - count(distinct slug) from organisation"));
        assertEquals(15_300, data.count("select count(*) from organisation where gazetteer"));
        assertEquals(64, data.count("select count(*) from organisation where level = 'city'"));
        assertEquals(34, data.count("select count(*) from organisation where level = 'city' and valid_to is null"));
        assertEquals(0, data.count("select count(*) from organisation where level = 'district' and valid_to is null"));
        assertEquals(3_321, data.count("select count(*) from organisation where level = 'ward' and valid_from = '2025-07-01'"));
        assertEquals(0, gazetteer.load(), "a second load adds nothing");
    }

    @Test
    void theTreeOfADay() {
        given().queryParam("at", "2024-01-01").get("/api/v1/organisations").then().statusCode(200)
                .body("", hasSize(63))
                .body("find { it.slug == 'thanh-pho-ha-noi' }.children.kind", hasItems("quận", "huyện", "thị xã"))
                .body("find { it.slug == 'thanh-pho-ha-noi' }.children", hasSize(30));
        given().get("/api/v1/organisations").then().statusCode(200)
                .body("", hasSize(34))
                .body("find { it.slug == 'thanh-pho-ha-noi' }.children.level", everyItem(is("ward")))
                .body("find { it.slug == 'thanh-pho-ha-noi' }.children", hasSize(126));
        given().queryParam("at", "2025-03-01").get("/api/v1/organisations").then().statusCode(200)
                .body("", hasSize(63)).body("slug", hasItem("thanh-pho-hue")).body("slug", not(hasItem("tinh-thua-thien-hue")))
                .body("find { it.slug == 'thanh-pho-hue' }.children.slug", hasItems("quan-thuan-hoa", "huyen-a-luoi"));
        given().queryParam("level", "district").queryParam("at", "2025-06-30").get("/api/v1/organisations").then()
                .body("", hasSize(696));
        given().queryParam("level", "district").get("/api/v1/organisations").then().body("", empty());
        Problems.assertInvalidParameter(given().queryParam("at", "2025-13-01").get("/api/v1/organisations").then(), "at");
    }

    @Test
    void aUnitSaysWhatItWasFormedFromAndWhenItWasInForce() {
        given().get("/api/v1/organisations/phuong-hoan-kiem").then().statusCode(200)
                .body("kind", is("phường")).body("gsoCode", is("10105001"))
                .body("validFrom", is("2025-07-01")).body("validTo", nullValue())
                .body("ancestors.slug", contains("thanh-pho-ha-noi"))
                .body("predecessors.slug", hasItems("phuong-hang-bac", "phuong-hang-dao", "phuong-trang-tien"))
                .body("predecessors", hasSize(12));
        given().get("/api/v1/organisations/phuong-hang-bac").then().statusCode(200)
                .body("validTo", is("2025-06-30")).body("ancestors.slug", contains("quan-hoan-kiem", "thanh-pho-ha-noi"))
                .body("successors.slug", contains("phuong-hoan-kiem"));
        given().get("/api/v1/organisations/tinh-hai-duong").then()
                .body("validTo", is("2025-06-30")).body("successors.slug", contains("thanh-pho-hai-phong"));
        given().get("/api/v1/organisations/thanh-pho-hai-phong").then()
                .body("validTo", nullValue()).body("predecessors.slug", contains("tinh-hai-duong"));
        given().get("/api/v1/organisations/thanh-pho-phu-ly").then().body("kind", is("thành phố thuộc tỉnh")).body("level", is("district"));
        given().get("/api/v1/organisations/dac-khu-van-don").then().body("kind", is("đặc khu")).body("level", is("ward"));
    }

    @Test
    void aLineageFeedFollowsAUnitThroughTheReform() {
        given().queryParam("org", "phuong-hoan-kiem").queryParam("scope", "lineage").get("/api/v1/articles").then()
                .body("items.title", contains("UBND phường Hoàn Kiếm ra mắt trung tâm hành chính công",
                        "Phường Hàng Bạc ra quân vệ sinh môi trường"));
        // From the old ward: itself, and what it became.
        given().queryParam("org", "phuong-hang-bac").queryParam("scope", "lineage").get("/api/v1/articles").then()
                .body("items.title", contains("UBND phường Hoàn Kiếm ra mắt trung tâm hành chính công",
                        "Phường Hàng Bạc ra quân vệ sinh môi trường"));
        given().queryParam("org", "phuong-hoan-kiem").get("/api/v1/articles").then()
                .body("items.title", contains("UBND phường Hoàn Kiếm ra mắt trung tâm hành chính công"));
        // Hà Nội's subtree holds both eras.
        given().queryParam("org", "thanh-pho-ha-noi").get("/api/v1/articles").then().body("items", hasSize(3));
        given().queryParam("level", "district").get("/api/v1/articles").then().body("items.title", contains("Quận ủy Hoàn Kiếm sơ kết"));
    }

    @Test
    void feedsFilterByTheBodyThatHeldTheEvent() {
        given().queryParam("body", "party").get("/api/v1/articles").then().body("items.title", contains("Quận ủy Hoàn Kiếm sơ kết"));
        given().queryParam("body", "government,front").get("/api/v1/articles").then()
                .body("items.organisingBody", containsInAnyOrder("government", "front"));
        given().get("/api/v1/articles?fields=title,organisingBody").then().body("items.organisingBody", hasItem("party"));
        Problems.assertInvalidParameter(given().queryParam("body", "army").get("/api/v1/articles").then(), "body");
        given().queryParam("body", "security").get("/api/v1/feeds/articles.atom").then().statusCode(200);
        given().queryParam("body", "party").get("/api/v1/changes").then().body("changes", hasSize(1));
        given().get("/api/v1/organisations").then().body("slug", not(hasItem("tinh-hai-duong")));
    }
}
