package vn.tincoso.articles;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import vn.tincoso.ingest.ImportResourceTest;
import vn.tincoso.testing.Problems;
import vn.tincoso.testing.TestData;
import vn.tincoso.testing.Tokens;
import vn.tincoso.testing.Slow;

/** An article whose unit cannot be placed is kept out of sight, listed for those who may place it, and placed with one call. */
@Slow
@QuarkusTest
class ReviewResourceTest {

    /** Seven new communes in seven provinces are called Xã Tân Thành; nothing here says which. */
    static final String UNPLACEABLE = """
            Hội LHPN xã Tân Thành tổ chức tọa đàm
            Ngày đăng: 19/10/2025

            Sáng 18/10, Hội Liên hiệp Phụ nữ xã Tân Thành tổ chức tọa đàm kỷ niệm ngày thành lập Hội LHPN Việt Nam""";

    @Inject
    TestData data;


    long id;

    @BeforeEach
    void anArticleWaitingForReview() {
        data.startWithGazetteer();
        id = ImportResourceTest.admin().contentType(ImportResourceTest.TEXT).body(UNPLACEABLE).post("/api/v1/imports").then()
                .statusCode(201).body("needsReview", is(1)).body("items[0].status", is("needs-review"))
                .body("items[0].organisingBody.code", is("front"))
                .body("items[0].review.candidates", hasSize(7)).extract().<Integer>path("items[0].id");
    }

    @Test
    void itIsNeverPublic() {
        given().get("/api/v1/articles").then().body("items", empty());
        Problems.assertProblem(given().get("/api/v1/articles/" + id).then(), 404);
        given().get("/api/v1/changes").then().body("changes", empty());
    }

    @Test
    void itIsListedForAdminsAndForEditorsOfACandidate() {
        given().header("Authorization", Tokens.admin()).get("/api/v1/review").then().statusCode(200)
                .header("Cache-Control", is("no-store"))
                .body("items.id", contains((int) id)).body("items[0].review.candidates.slug", hasItem("xa-tan-thanh-thanh-hoa"))
                .body("next", nullValue());
        given().header("Authorization", Tokens.editor("tinh-thanh-hoa")).get("/api/v1/review").then().body("items.id", contains((int) id));
        given().header("Authorization", Tokens.editor("xa-tan-thanh-lang-son")).get("/api/v1/review").then().body("items.id", contains((int) id));
        given().header("Authorization", Tokens.editor("thanh-pho-ha-noi")).get("/api/v1/review").then().body("items", empty());
        Problems.assertProblem(given().get("/api/v1/review").then(), 401);
        Problems.assertProblem(given().header("Authorization", Tokens.editor("thanh-pho-ha-noi")).get("/api/v1/articles/" + id).then(), 404);
    }

    @Test
    void oneCallPlacesAndPublishesIt() {
        String etag = given().header("Authorization", Tokens.editor("tinh-thanh-hoa")).get("/api/v1/articles/" + id).then()
                .statusCode(200).body("status", is("needs-review")).extract().header("ETag");
        Problems.assertProblem(given().header("Authorization", Tokens.editor("tinh-thanh-hoa")).header("If-Match", etag).contentType("application/json")
                .body("{\"organisation\": \"xa-tan-thanh-lang-son\", \"publish\": true}").post("/api/v1/review/" + id).then(), 403);
        Problems.assertProblem(given().header("Authorization", Tokens.admin()).header("If-Match", etag).contentType("application/json")
                .body("{\"organisation\": \" \"}").post("/api/v1/review/" + id).then(), 400)
                .body("errors[0].field", is("/organisation")).body("errors[0].message", is("không được để trống"));
        Response placed = given().header("Authorization", Tokens.editor("tinh-thanh-hoa")).header("If-Match", etag).contentType("application/json")
                .body("{\"organisation\": \"xa-tan-thanh-thanh-hoa\", \"publish\": true}").post("/api/v1/review/" + id);
        placed.then().statusCode(200).body("status", is("published")).body("organisation.slug", is("xa-tan-thanh-thanh-hoa"))
                .body("organisingBody", is("front")).body("review", nullValue()).body("publishedAt", is("2025-10-19T00:00:00+07:00"));
        given().get("/api/v1/articles?org=tinh-thanh-hoa").then().body("items.id", contains((int) id));
        given().header("Authorization", Tokens.admin()).get("/api/v1/review").then().body("items", empty());
        given().header("Authorization", Tokens.admin()).get("/api/v1/articles/" + id + "/revisions").then()
                .body("action", contains("imported", "placed")).body("[1].changes.status.to", is("published"));
        // Placed, it no longer waits: placing it again is a conflict, a stale ETag a 412.
        Problems.assertProblem(given().header("Authorization", Tokens.admin()).header("If-Match", placed.getHeader("ETag")).contentType("application/json")
                .body("{\"organisation\": \"xa-tan-thanh-thanh-hoa\"}").post("/api/v1/review/" + id).then(), 409);
        Problems.assertProblem(given().header("Authorization", Tokens.admin()).header("If-Match", etag).contentType("application/json")
                .body("{\"organisation\": \"xa-tan-thanh-thanh-hoa\"}").post("/api/v1/review/" + id).then(), 412);
    }

    @Test
    void reimportedItStillWaitsAndWithTheProvinceNamedItIsPlaced() {
        ImportResourceTest.admin().contentType(ImportResourceTest.TEXT).body(UNPLACEABLE).post("/api/v1/imports").then()
                .statusCode(200).body("items[0].status", is("needs-review")).body("items[0].id", is((int) id));
        String placeable = UNPLACEABLE.replace("xã Tân Thành tổ chức tọa đàm kỷ niệm", "xã Tân Thành, tỉnh Lạng Sơn tổ chức tọa đàm kỷ niệm");
        ImportResourceTest.admin().contentType(ImportResourceTest.TEXT).queryParam("sourceUrl", "https://tanthanh.langson.gov.vn/t/1")
                .body(placeable).post("/api/v1/imports").then().statusCode(201)
                .body("items[0].organisation.slug", is("xa-tan-thanh-lang-son")).body("items[0].articleStatus", is("published"));
    }
}
