package vn.tincoso.organisations;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import io.quarkus.test.junit.QuarkusTest;

import vn.tincoso.testing.Problems;
import vn.tincoso.testing.TestData;

@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrganisationResourceTest {

    @Inject
    TestData data;

    @BeforeAll
    void createTreeWithArticles() {
        data.setUp(() -> {
            data.startWithStandardTree();
            data.article("Tin phường Bách Khoa 1").org("phuong-bach-khoa").save();
            data.article("Tin phường Bách Khoa 2").org("phuong-bach-khoa").save();
            data.article("Tin quận Hai Bà Trưng").org("quan-hai-ba-trung").save();
            data.article("Tin tổ dân phố số 7").org("to-dan-pho-so-7").save();
            data.article("Bản nháp không được đếm").org("phuong-bach-dang").draft().save();
        });
    }

    @Test
    void treeByDefaultWithSubtreeAndOwnCounts() {
        given().get("/api/v1/organisations").then().statusCode(200)
                .body("slug", contains("thanh-pho-ha-noi", "thanh-pho-hai-phong"))
                .body("find { it.slug == 'thanh-pho-ha-noi' }.articleCount", is(4))
                .body("find { it.slug == 'thanh-pho-ha-noi' }.ownArticleCount", is(0))
                .body("find { it.slug == 'thanh-pho-ha-noi' }.children.name", contains("Quận Hai Bà Trưng", "Quận Nam Từ Liêm"))
                .body("find { it.slug == 'thanh-pho-ha-noi' }.children[0].articleCount", is(3))
                .body("find { it.slug == 'thanh-pho-ha-noi' }.children[0].ownArticleCount", is(1))
                .body("find { it.slug == 'thanh-pho-ha-noi' }.children[0].children.slug", contains("phuong-bach-khoa", "phuong-bach-dang"))
                .body("find { it.slug == 'thanh-pho-ha-noi' }.children[0].children[1].articleCount", is(0))
                .body("find { it.slug == 'thanh-pho-ha-noi' }.children[1].children[0].children[0].level", is("group"))
                .body("find { it.slug == 'thanh-pho-hai-phong' }.articleCount", is(0));
    }

    @Test
    void flatByLevel() {
        given().queryParam("level", "ward").get("/api/v1/organisations").then().statusCode(200)
                .body("slug", contains("phuong-bach-khoa", "phuong-bach-dang", "phuong-my-dinh-1"))
                .body("parent", contains("quan-hai-ba-trung", "quan-hai-ba-trung", "quan-nam-tu-liem"))
                .body("articleCount", contains(2, 0, 1))
                .body("ownArticleCount", contains(2, 0, 0));
        given().queryParam("level", "city,group").get("/api/v1/organisations").then().statusCode(200)
                .body("slug", contains("thanh-pho-ha-noi", "thanh-pho-hai-phong", "to-dan-pho-so-7"))
                .body("[1].parent", nullValue());
    }

    @Test
    void flatWithoutLevelListsEveryUnit() {
        given().queryParam("view", "flat").get("/api/v1/organisations").then().statusCode(200)
                .body("size()", is(9));
    }

    @Test
    void oneUnitWithAncestorsChildrenAndCounts() {
        given().get("/api/v1/organisations/phuong-my-dinh-1").then().statusCode(200)
                .body("name", is("Phường Mỹ Đình 1"))
                .body("level", is("ward"))
                .body("articleCount", is(1))
                .body("ownArticleCount", is(0))
                .body("ancestors.slug", contains("quan-nam-tu-liem", "thanh-pho-ha-noi"))
                .body("children.slug", contains("to-dan-pho-so-7"))
                .body("children[0].articleCount", is(1));
        given().get("/api/v1/organisations/thanh-pho-hai-phong").then().statusCode(200)
                .body("ancestors", empty());
    }

    @Test
    void unknownUnitIsAProblem() {
        Problems.assertProblem(given().get("/api/v1/organisations/phuong-khong-co").then(), 404);
    }

    @Test
    void badParametersAreNamed() {
        Problems.assertInvalidParameter(given().queryParam("level", "province").get("/api/v1/organisations").then(), "level");
        Problems.assertInvalidParameter(given().queryParam("view", "graph").get("/api/v1/organisations").then(), "view");
        Problems.assertInvalidParameter(given().queryParam("view", "tree").queryParam("level", "ward")
                .get("/api/v1/organisations").then(), "view");
    }
}
