package vn.tincoso.deploy;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.awaitility.Awaitility;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.response.Response;

import vn.tincoso.testing.AppProcess;
import vn.tincoso.testing.FreshDatabase;
import vn.tincoso.testing.Json;
import vn.tincoso.testing.Imports;

/**
 * SIGTERM while a request is in flight: the instance turns not-ready, lets the request finish (its writes all
 * stored and acknowledged), then exits; in production it logs one JSON object a line.
 */
class GracefulShutdownIT {

    private static final FreshDatabase DATABASE = new FreshDatabase();
    private static final int BATCH = 400;
    /** The import has stored its first items (and is still running, as long as it has not answered). */
    private static final Pattern IMPORT_UNDER_WAY = Pattern.compile("(?m)^tincoso_imports_total\\{dry_run=\"false\",status=\"created\"} [1-9]");
    private static Map<String, String> database;

    @BeforeAll
    static void createDatabase() {
        database = AppProcess.database(DATABASE.start());
    }

    @AfterAll
    static void dropDatabase() {
        DATABASE.stop();
    }

    @Test
    void aRequestInFlightFinishesBeforeTheInstanceStops() throws Exception {
        try (AppProcess app = AppProcess.start("shutdown", database)) {
            String lines = IntStream.range(0, BATCH).mapToObj(n -> "{\"text\": " + Json.quote(SampleArticles.text(1000 + n)) + "}")
                    .collect(Collectors.joining("\n"));
            CompletableFuture<Response> importing = CompletableFuture.supplyAsync(() -> Imports.ndjsonAsAdmin().baseUri(app.url())
                    .body(lines).post("/api/v1/imports"));
            awaitImportInFlight(app, importing);

            app.process().destroy(); // SIGTERM
            Awaitility.await("readiness DOWN after SIGTERM").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
                    .until(() -> app.status("/q/health/ready") != 200);
            Response answer = importing.get();
            assertEquals(200, answer.statusCode(), answer.asString());
            assertEquals(BATCH, answer.<List<String>>path("items.status").stream().filter("created"::equals).count());
            app.terminate();

            List<String> log = Files.readAllLines(app.log());
            ObjectMapper json = new ObjectMapper();
            for (String line : log) {
                JsonNode entry = json.readTree(line);
                assertTrue(entry.has("timestamp") && entry.has("level") && entry.has("message"), line);
            }
            assertTrue(log.stream().anyMatch(line -> line.contains("stopped in")), "no shutdown line in " + app.log());
        }
        try (AppProcess again = AppProcess.start("after-shutdown", database)) {
            given().baseUri(again.url()).get("/api/v1/organisations/phuong-bach-khoa").then().statusCode(200)
                    .body("articleCount", org.hamcrest.Matchers.is(BATCH));
        }
    }

    /** Polls the instance's metrics until the import is being served (a minute at most). */
    private static void awaitImportInFlight(AppProcess app, CompletableFuture<Response> importing) {
        Awaitility.await("the import in flight").atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(20)).until(() -> {
            assertTrue(!importing.isDone(), "the import ended before the signal could be sent: make the batch larger");
            return IMPORT_UNDER_WAY.matcher(given().baseUri(app.url()).get("/q/metrics").asString()).find();
        });
    }
}
