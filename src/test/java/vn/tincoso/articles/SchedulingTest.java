package vn.tincoso.articles;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

import vn.tincoso.testing.Problems;
import vn.tincoso.testing.TestClock;
import vn.tincoso.testing.TestData;
import vn.tincoso.testing.Tokens;
import vn.tincoso.testing.Slow;

/** A scheduled article is invisible to every public read until its time; the clock is moved, nobody sleeps. */
@Slow
@QuarkusTest
class SchedulingTest {

    static final Instant NOW = Instant.parse("2026-11-22T01:00:00Z");

    @Inject
    TestData data;

    @Inject
    TestClock clock;

    @Inject
    EditorialService editorial;

    @BeforeEach
    void frozenTime() {
        data.startWithStandardTree();
        clock.set(NOW);
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void invisibleUntilItsTime() {
        Response created = given().header("Authorization", Tokens.admin()).contentType(ContentType.JSON)
                .body("{\"title\": \"Lễ ra quân tháng 12\", \"body\": [\"Phường Bách Khoa ra quân.\"], \"organisation\": \"phuong-bach-khoa\"}")
                .post("/api/v1/articles");
        String id = String.valueOf((int) created.path("id"));
        given().header("Authorization", Tokens.editor("phuong-bach-khoa")).header("If-Match", created.getHeader("ETag"))
                .contentType(ContentType.JSON).body("{\"publishAt\": \"2026-11-22T09:00:00+07:00\"}")
                .post("/api/v1/articles/" + id + "/schedule").then().statusCode(200)
                .body("status", is("scheduled")).body("publishedAt", is("2026-11-22T09:00:00+07:00"));

        assertEquals(0, editorial.publishDue());
        assertInvisible(id);

        clock.set(Instant.parse("2026-11-22T02:00:00Z"));
        assertEquals(1, editorial.publishDue());
        given().get("/api/v1/articles/" + id).then().statusCode(200).body("title", is("Lễ ra quân tháng 12"));
        given().get("/api/v1/articles").then().body("items.title", contains("Lễ ra quân tháng 12"));
        given().header("Authorization", Tokens.admin()).get("/api/v1/articles/" + id + "/revisions").then()
                .body("action", contains("created", "scheduled", "published"))
                .body("actor", contains("quan-tri", "bien-tap-phuong-bach-khoa", "lich-dang"));
    }

    private static void assertInvisible(String id) {
        Problems.assertProblem(given().get("/api/v1/articles/" + id).then(), 404);
        given().get("/api/v1/articles").then().body("items", empty());
        given().get("/api/v1/feeds/articles.json").then().body("items", empty());
        given().get("/api/v1/changes").then().body("changes", empty());
        given().get("/api/v1/organisations/phuong-bach-khoa").then().body("articleCount", is(0));
    }

    @Test
    void aScheduleMustBeInTheFuture() {
        Response created = given().header("Authorization", Tokens.admin()).contentType(ContentType.JSON)
                .body("{\"title\": \"Bài\", \"body\": [\"Nội dung.\"], \"organisation\": \"phuong-bach-khoa\"}").post("/api/v1/articles");
        Problems.assertProblem(given().header("Authorization", Tokens.admin()).header("If-Match", created.getHeader("ETag"))
                .contentType(ContentType.JSON).body("{\"publishAt\": \"2026-11-22T07:59:00+07:00\"}")
                .post("/api/v1/articles/" + created.path("id") + "/schedule").then(), 400).body("errors[0].field", is("/publishAt"));
        Problems.assertProblem(given().header("Authorization", Tokens.admin()).header("If-Match", created.getHeader("ETag"))
                .contentType(ContentType.JSON).body("{}").post("/api/v1/articles/" + created.path("id") + "/schedule").then(), 400);
    }
}
