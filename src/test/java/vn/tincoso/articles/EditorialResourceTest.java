package vn.tincoso.articles;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.quarkus.test.junit.QuarkusTest;

import vn.tincoso.testing.Problems;
import vn.tincoso.testing.TestData;
import vn.tincoso.testing.Tokens;
import vn.tincoso.testing.Slow;

/** Editors write their own unit's articles and nobody else's; every write needs the current ETag and leaves a revision. */
@Slow
@QuarkusTest
class EditorialResourceTest {

    static final String WARD_A = "phuong-bach-khoa";
    static final String DRAFT = "{\"title\": \"Phường Bách Khoa họp dân\", \"body\": [\"Phường Bách Khoa họp dân về trật tự đô thị.\"],"
            + " \"byline\": \"Minh Anh\", \"organisation\": \"" + WARD_A + "\", \"directives\": [\"11 - đa/tu\"]}";

    @Inject
    TestData data;

    @BeforeEach
    void tree() {
        data.startWithStandardTree();
    }

    private static RequestSpecification as(String actor) {
        RequestSpecification request = given().contentType(ContentType.JSON);
        return switch (actor) {
            case "anonymous" -> request;
            case "admin" -> request.header("Authorization", Tokens.admin());
            default -> request.header("Authorization", Tokens.editor(actor));
        };
    }

    /** A draft of ward A, written by an admin; its id and ETag. */
    private static String[] draftOfWardA() {
        Response created = as("admin").body(DRAFT).post("/api/v1/articles");
        created.then().statusCode(201);
        return new String[] {String.valueOf((int) created.path("id")), created.getHeader("ETag")};
    }

    @ParameterizedTest(name = "{0}: create {1}, update {2}, publish {3}, delete {4}")
    @CsvSource({
            "anonymous,         401, 401, 401, 401",
            "phuong-bach-khoa,  201, 200, 200, 204",
            "quan-hai-ba-trung, 201, 200, 200, 204",
            "phuong-my-dinh-1,  403, 404, 404, 404",
            "admin,             201, 200, 200, 204"})
    void whoMayWriteAWardsArticles(String actor, int create, int update, int publish, int delete) {
        as(actor).body(DRAFT).post("/api/v1/articles").then().statusCode(create);

        String[] draft = draftOfWardA();
        as(actor).header("If-Match", draft[1]).body(DRAFT.replace("họp dân\",", "họp dân lần hai\","))
                .put("/api/v1/articles/" + draft[0]).then().statusCode(update);

        draft = draftOfWardA();
        as(actor).header("If-Match", draft[1]).post("/api/v1/articles/" + draft[0] + "/publish").then().statusCode(publish);

        draft = draftOfWardA();
        as(actor).header("If-Match", draft[1]).delete("/api/v1/articles/" + draft[0]).then().statusCode(delete);
    }

    @Test
    void writesNeedTheCurrentEtag() {
        String[] draft = draftOfWardA();
        Problems.assertProblem(as("admin").post("/api/v1/articles/" + draft[0] + "/publish").then(), 428);
        String newer = as("admin").header("If-Match", draft[1]).body(DRAFT.replace("Minh Anh", "Thu Hà"))
                .put("/api/v1/articles/" + draft[0]).then().statusCode(200).extract().header("ETag");
        Problems.assertProblem(as("admin").header("If-Match", draft[1]).post("/api/v1/articles/" + draft[0] + "/publish").then(), 412)
                .body("errors[0].field", is("If-Match"));
        as("admin").header("If-Match", newer).post("/api/v1/articles/" + draft[0] + "/publish").then().statusCode(200)
                .body("status", is("published"));
    }

    @Test
    void draftsAreSeenByTheirEditorsOnly() {
        String[] draft = draftOfWardA();
        Problems.assertProblem(given().get("/api/v1/articles/" + draft[0]).then(), 404);
        as(WARD_A).get("/api/v1/articles/" + draft[0]).then().statusCode(200).body("status", is("draft"))
                .header("ETag", is(draft[1])).header("Cache-Control", is("no-store"));
        // Another unit's draft is as missing as one that does not exist: drafts cannot be enumerated.
        Problems.assertProblem(as("phuong-my-dinh-1").get("/api/v1/articles/" + draft[0]).then(), 404);
        given().get("/api/v1/articles").then().body("items", empty());
    }

    @Test
    void publishAndUnpublishChangeWhatReadersSee() {
        String[] draft = draftOfWardA();
        String published = as(WARD_A).header("If-Match", draft[1]).post("/api/v1/articles/" + draft[0] + "/publish")
                .then().statusCode(200).body("publishedAt", notNullValue()).extract().header("ETag");
        given().get("/api/v1/articles").then().body("items.title", contains("Phường Bách Khoa họp dân"))
                .body("items[0].directives.code", contains("11-ĐA/TU"));
        as(WARD_A).header("If-Match", published).post("/api/v1/articles/" + draft[0] + "/unpublish").then().statusCode(200);
        given().get("/api/v1/articles").then().body("items", empty());
    }

    @Test
    void aMergePatchChangesOnlyWhatItNames() {
        String[] draft = draftOfWardA();
        as(WARD_A).contentType("application/merge-patch+json; charset=UTF-8").header("If-Match", draft[1])
                .body("{\"title\": \"Tiêu đề mới\", \"byline\": null}")
                .patch("/api/v1/articles/" + draft[0]).then().statusCode(200)
                .body("title", is("Tiêu đề mới")).body("byline", nullValue())
                .body("body", contains("Phường Bách Khoa họp dân về trật tự đô thị."));
        String etag = as(WARD_A).get("/api/v1/articles/" + draft[0]).getHeader("ETag");
        Problems.assertProblem(as(WARD_A).contentType("application/merge-patch+json; charset=UTF-8").header("If-Match", etag)
                .body("{\"title\": \"\", \"body\": []}").patch("/api/v1/articles/" + draft[0]).then(), 400)
                .body("errors.field", containsInAnyOrder("/title", "/body"));
        Problems.assertProblem(as(WARD_A).contentType("application/merge-patch+json; charset=UTF-8").header("If-Match", etag)
                .body("{\"organisation\": \"phuong-my-dinh-1\"}").patch("/api/v1/articles/" + draft[0]).then(), 403);
    }

    @Test
    void everyInvalidFieldIsListed() {
        String tooMany = "[" + "\"11-ĐA/TU\",".repeat(ArticleInput.MAX_DIRECTIVES) + "\"12-HD/BTCTW\"]";
        Problems.assertProblem(as("admin").body("{\"title\": \" \", \"body\": [], \"organisation\": \"\", \"directives\": " + tooMany
                + ", \"sourceUrl\": \"ftp://x\"}").post("/api/v1/articles").then(), 400)
                .body("type", is("https://tincoso.vn/problems/invalid-body"))
                .body("errors.field", hasItems("/title", "/body", "/organisation", "/directives", "/sourceUrl"));
        Problems.assertProblem(as("admin").body(DRAFT.replace("11 - đa/tu", "không phải mã")).post("/api/v1/articles").then(), 400)
                .body("errors[0].field", is("/directives/0"));
        Problems.assertProblem(as("admin").body(DRAFT.replace(WARD_A, "khong-co")).post("/api/v1/articles").then(), 400)
                .body("errors[0].field", is("/organisation"));
        Problems.assertProblem(as("admin").body("x".repeat(10)).post("/api/v1/articles").then(), 400);
    }

    @Test
    void aSourcePageBelongsToOneArticle() {
        String withSource = DRAFT.replace("\"byline\"", "\"sourceUrl\": \"https://bachkhoa.example.vn/tin/1\", \"byline\"");
        as("admin").body(withSource).post("/api/v1/articles").then().statusCode(201);
        Problems.assertProblem(as("admin").body(withSource).post("/api/v1/articles").then(), 409)
                .body("errors[0].field", is("/sourceUrl"));
    }

    @Test
    void everyChangeIsARevision() {
        String[] draft = draftOfWardA();
        String etag = as(WARD_A).header("If-Match", draft[1]).body(DRAFT.replace("Minh Anh", "Thu Hà"))
                .put("/api/v1/articles/" + draft[0]).then().statusCode(200).extract().header("ETag");
        etag = as("quan-hai-ba-trung").header("If-Match", etag).post("/api/v1/articles/" + draft[0] + "/publish").getHeader("ETag");
        String syncedBeforeDeletion = given().get("/api/v1/changes").then().body("changes.id", contains(Integer.valueOf(draft[0])))
                .extract().path("next");
        as("admin").header("If-Match", etag).delete("/api/v1/articles/" + draft[0]).then().statusCode(204);
        as("admin").get("/api/v1/articles/" + draft[0] + "/revisions").then().statusCode(200)
                .body("action", contains("created", "updated", "published", "deleted"))
                .body("actor", contains("quan-tri", "bien-tap-phuong-bach-khoa", "bien-tap-quan-hai-ba-trung", "quan-tri"))
                .body("version", contains(0, 1, 2, 3))
                .body("[1].changes.byline.from", is("Minh Anh"))
                .body("[1].changes.byline.to", is("Thu Hà"))
                .body("[1].changes.keySet()", contains("byline"))
                .body("[2].changes.status.to", is("published"));
        given().get("/api/v1/changes?since=" + syncedBeforeDeletion).then()
                .body("changes.type", contains("delete")).body("changes.id", contains(Integer.valueOf(draft[0])));
        Problems.assertProblem(given().get("/api/v1/articles/" + draft[0] + "/revisions").then(), 401);
    }
}
