package vn.tincoso.deploy;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.restassured.response.Response;

import vn.tincoso.testing.AppProcess;
import vn.tincoso.testing.FreshDatabase;

/**
 * Two instances of the packaged application on two ports, one database: nothing a client holds (a page cursor,
 * a sync token, an ETag) belongs to the instance that gave it, so a load balancer may send each request anywhere.
 */
class TwoInstancesIT {

    private static final FreshDatabase DATABASE = new FreshDatabase();
    private static AppProcess first;
    private static AppProcess second;

    /** Both at once on an empty database, as Compose and Kubernetes start them: they migrate and load the gazetteer once. */
    @BeforeAll
    static void startTwoInstances() throws Exception {
        Map<String, String> database = AppProcess.database(DATABASE.start());
        CompletableFuture<AppProcess> starting = CompletableFuture.supplyAsync(() -> AppProcess.start("second", database));
        first = AppProcess.start("first", database);
        second = starting.get();
        SampleArticles.importInto(first.url(), 0, 7);
    }

    @Test
    void instancesStartedTogetherLoadedTheGazetteerOnceAndCleanly() throws Exception {
        int today = given().baseUri(first.url()).get("/api/v1/organisations?view=flat").then().statusCode(200).extract()
                .<List<?>>path("").size();
        assertEquals(today, given().baseUri(second.url()).get("/api/v1/organisations?view=flat").<List<?>>path("").size());
        assertEquals(gazetteerUnits(), DATABASE.count("select count(*) from organisation where gazetteer"), "every unit of the data file, once");
        assertEquals(DATABASE.count("select count(*) from organisation"), DATABASE.count("select count(distinct slug) from organisation"));
        for (AppProcess app : List.of(first, second)) {
            assertTrue(Files.readAllLines(app.log()).stream().noneMatch(line -> line.contains("\"level\":\"ERROR\"")), "errors in " + app.log());
        }
    }

    private static long gazetteerUnits() throws Exception {
        try (var lines = Files.lines(Path.of("src/main/resources/gazetteer/units.csv"))) {
            return lines.skip(1).filter(line -> !line.isBlank()).count();
        }
    }

    @AfterAll
    static void stop() {
        first.close();
        second.close();
        DATABASE.stop();
    }

    @Test
    void aCursorFromOneInstanceReadsTheNextPageOnTheOther() {
        String cursor = given().baseUri(first.url()).get("/api/v1/articles?limit=3").then().statusCode(200)
                .extract().path("next.cursor");
        assertNotNull(cursor);
        List<Integer> onFirst = given().baseUri(first.url()).queryParam("limit", 3).queryParam("cursor", cursor)
                .get("/api/v1/articles").then().statusCode(200).extract().path("items.id");
        List<Integer> onSecond = given().baseUri(second.url()).queryParam("limit", 3).queryParam("cursor", cursor)
                .get("/api/v1/articles").then().statusCode(200).extract().path("items.id");
        assertEquals(3, onSecond.size());
        assertEquals(onFirst, onSecond);
    }

    @Test
    void aSyncTokenFromOneInstanceGoesOnOnTheOther() {
        String token = given().baseUri(first.url()).get("/api/v1/changes?org=quan-hai-ba-trung&limit=4").then().statusCode(200)
                .extract().path("next");
        Response onFirst = given().baseUri(first.url()).queryParam("org", "quan-hai-ba-trung").queryParam("since", token)
                .get("/api/v1/changes");
        Response onSecond = given().baseUri(second.url()).queryParam("org", "quan-hai-ba-trung").queryParam("since", token)
                .get("/api/v1/changes");
        assertEquals(200, onSecond.statusCode(), onSecond.asString());
        assertEquals(3, onSecond.<List<?>>path("changes").size());
        assertEquals(onFirst.<List<Integer>>path("changes.id"), onSecond.<List<Integer>>path("changes.id"));
    }

    /** (The change stream is left out: its next token holds the server's transaction horizon, which any write moves.) */
    @Test
    void identicalContentHasIdenticalETagsAndEitherInstanceAnswers304() {
        String slug = given().baseUri(first.url()).get("/api/v1/articles?limit=1").then().extract().path("items[0].slug");
        Map<String, String> etags = new HashMap<>();
        for (String path : List.of("/api/v1/articles?limit=5", "/api/v1/articles/" + slug, "/api/v1/feeds/articles.atom",
                "/api/v1/feeds/articles.rss", "/api/v1/feeds/articles.json", "/api/v1/organisations/phuong-bach-khoa",
                "/api/v1/directives")) {
            String etag = given().baseUri(first.url()).get(path).then().statusCode(200).extract().header("ETag");
            assertEquals(etag, given().baseUri(second.url()).get(path).then().statusCode(200).extract().header("ETag"), path);
            given().baseUri(second.url()).header("If-None-Match", etag).get(path).then().statusCode(304);
            etags.put(path, etag);
        }
        assertEquals(7, etags.values().stream().distinct().count());
    }
}
