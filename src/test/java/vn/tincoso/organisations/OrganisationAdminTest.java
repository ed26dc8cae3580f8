package vn.tincoso.organisations;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.is;

import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import vn.tincoso.testing.Problems;
import vn.tincoso.testing.TestData;
import vn.tincoso.testing.Tokens;

/** Admins rename, move and merge units; a merged unit's articles stay in its successor's lineage feed. */
@QuarkusTest
class OrganisationAdminTest {

    @Inject
    TestData data;

    @Inject
    EntityManager entityManager;

    @BeforeEach
    void tree() {
        data.startWithStandardTree();
        data.article("Tin Bách Khoa").org("phuong-bach-khoa").save();
        data.article("Tin Bạch Đằng").org("phuong-bach-dang").save();
        data.article("Tin Mỹ Đình 1").org("phuong-my-dinh-1").save();
    }

    private static RequestSpecification admin() {
        return given().header("Authorization", Tokens.admin()).contentType(ContentType.JSON);
    }

    /**
     * An admin edit marks every article of the unit changed, drafts included, so it reads them by unit through an
     * index (with sequential scans ruled out, the plan shows whether one exists; a few rows here, millions in use).
     */
    @Test
    void anEditFindsTheUnitsArticlesByIndex() {
        String plan = QuarkusTransaction.requiringNew().call(() -> {
            entityManager.createNativeQuery("set local enable_seqscan = off").executeUpdate();
            return entityManager.createNativeQuery("explain (format json) " + OrganisationRepository.TOUCH_SUBTREE)
                    .setParameter("now", java.time.Instant.now()).setParameter("id", 1L).getSingleResult().toString();
        });
        assertTrue(plan.contains("\"Index Name\": \"article_by_organisation\""), plan);
    }

    @Test
    void renameKeepsTheSlug() {
        admin().body("{\"name\": \"Phường Bách Khoa (mới)\"}").patch("/api/v1/organisations/phuong-bach-khoa").then().statusCode(200)
                .body("name", is("Phường Bách Khoa (mới)")).body("slug", is("phuong-bach-khoa"));
        given().get("/api/v1/articles?org=phuong-bach-khoa").then().body("items[0].organisation.name", is("Phường Bách Khoa (mới)"));
    }

    @Test
    void aMovedWardTakesItsArticlesToTheNewDistrict() {
        admin().body("{\"parent\": \"quan-nam-tu-liem\"}").patch("/api/v1/organisations/phuong-bach-khoa").then().statusCode(200)
                .body("ancestors.slug", contains("quan-nam-tu-liem", "thanh-pho-ha-noi"));
        given().get("/api/v1/articles?org=quan-nam-tu-liem").then().body("items.title", containsInAnyOrder("Tin Bách Khoa", "Tin Mỹ Đình 1"));
        given().get("/api/v1/articles?org=quan-hai-ba-trung").then().body("items.title", contains("Tin Bạch Đằng"));
        Problems.assertProblem(admin().body("{\"parent\": \"phuong-my-dinh-1\"}").patch("/api/v1/organisations/phuong-bach-khoa").then(), 400)
                .body("errors[0].field", is("/parent"));
    }

    @Test
    void aMergedWardsArticlesAreInItsSuccessorsLineage() {
        admin().body("{\"into\": \"phuong-bach-khoa\"}").post("/api/v1/organisations/phuong-bach-dang/merge").then().statusCode(200)
                .body("successors.slug", contains("phuong-bach-khoa"));
        given().get("/api/v1/articles?org=phuong-bach-khoa").then().body("items.title", contains("Tin Bách Khoa"));
        given().get("/api/v1/articles?org=phuong-bach-khoa&scope=lineage").then()
                .body("items.title", containsInAnyOrder("Tin Bách Khoa", "Tin Bạch Đằng"));
        given().get("/api/v1/feeds/articles.json?org=phuong-bach-khoa&scope=lineage").then()
                .body("title", is("Tin cơ sở — Phường Bách Khoa (cả các đơn vị đã sáp nhập)")).body("items.size()", is(2));
        // A chain of mergers: Bách Khoa itself merged into Mỹ Đình 1 (for the test), the lineage goes back two steps.
        admin().body("{\"into\": \"phuong-my-dinh-1\"}").post("/api/v1/organisations/phuong-bach-khoa/merge").then().statusCode(200);
        given().get("/api/v1/articles?org=phuong-my-dinh-1&scope=lineage").then().body("items.size()", is(3));
    }

    @Test
    void mergersMustMakeSense() {
        Problems.assertProblem(admin().body("{\"into\": \"quan-hai-ba-trung\"}").post("/api/v1/organisations/phuong-bach-dang/merge").then(), 400)
                .body("errors[0].field", is("/into"));
        Problems.assertProblem(admin().body("{\"into\": \"phuong-bach-dang\"}").post("/api/v1/organisations/phuong-bach-dang/merge").then(), 400);
        admin().body("{\"into\": \"phuong-bach-khoa\"}").post("/api/v1/organisations/phuong-bach-dang/merge").then().statusCode(200);
        Problems.assertProblem(admin().body("{\"into\": \"phuong-bach-dang\"}").post("/api/v1/organisations/phuong-bach-khoa/merge").then(), 400);
        Problems.assertProblem(admin().body("{}").post("/api/v1/organisations/phuong-bach-khoa/merge").then(), 400);
        Problems.assertProblem(admin().body("{\"into\": \"phuong-bach-khoa\"}").post("/api/v1/organisations/khong-co/merge").then(), 404);
    }

    @Test
    void onlyAdmins() {
        Problems.assertProblem(given().header("Authorization", Tokens.editor("phuong-bach-khoa")).contentType(ContentType.JSON)
                .body("{\"name\": \"X\"}").patch("/api/v1/organisations/phuong-bach-khoa").then(), 403);
        Problems.assertProblem(given().contentType(ContentType.JSON).body("{\"into\": \"phuong-bach-khoa\"}")
                .post("/api/v1/organisations/phuong-bach-dang/merge").then(), 401);
        Problems.assertProblem(given().header("Authorization", Tokens.editor("thanh-pho-ha-noi")).contentType(ContentType.JSON)
                .body("{\"title\": \"X\"}").patch("/api/v1/directives/11-da-tu").then(), 403);
    }

    @Test
    void adminsCorrectTheDirectiveRegistry() {
        data.article("Tin Đề án 11").directive("11-ĐA/TU").save();
        admin().body("{\"title\": \"Nâng cao chất lượng sinh hoạt chi bộ\", \"issuedOn\": \"2021-12-06\", \"issuedBy\": \"Ban Thường vụ Thành ủy Hà Nội\"}")
                .patch("/api/v1/directives/11 - ĐA - TU").then().statusCode(200)
                .body("title", is("Nâng cao chất lượng sinh hoạt chi bộ")).body("issuedOn", is("2021-12-06")).body("articleCount", is(1))
                .body("issuedBy", is("Ban Thường vụ Thành ủy Hà Nội"));
        Problems.assertProblem(admin().body("{\"title\": \"\"}").patch("/api/v1/directives/11-da-tu").then(), 400);
        Problems.assertProblem(admin().body("{\"title\": \"X\"}").patch("/api/v1/directives/99-da-tu").then(), 404);
    }
}
