package vn.tincoso.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

import vn.tincoso.testing.TestClock;
import vn.tincoso.testing.TestData;
import vn.tincoso.testing.Tokens;
import vn.tincoso.testing.Slow;

/**
 * A repeated public read is answered from this instance's memory, byte for byte and header for header, without
 * a statement; writes through the instance show at once, other changes within the TTL; reads with credentials
 * or "Consistency: strong" are always rendered afresh.
 */
@Slow
@QuarkusTest
@TestProfile(ResponseCacheTest.TenSeconds.class)
class ResponseCacheTest {

    public static class TenSeconds implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("tincoso.response-cache.ttl", "10s");
        }
    }

    private static final Instant NOW = Instant.parse("2026-03-01T01:00:00Z");

    @Inject
    TestData data;

    @Inject
    TestClock clock;

    @Inject
    SessionFactory sessionFactory;

    @Inject
    ResponseCache cache;

    @Inject
    DataSource dataSource;

    private String slug;

    @BeforeEach
    void oneArticle() {
        clock.set(NOW);
        data.startWithStandardTree();
        cache.clear();
        slug = data.article("Phường Bách Khoa sơ kết Đề án 11-ĐA/TU").org("phuong-bach-khoa").directive("11-ĐA/TU").save().slug;
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void aRepeatedReadIsAnsweredFromMemoryWithoutAStatement() {
        Response rendered = given().get("/api/v1/articles?limit=5");
        rendered.then().statusCode(200);
        Statistics statistics = sessionFactory.getStatistics();
        statistics.clear();

        Response remembered = given().get("/api/v1/articles?limit=5");
        remembered.then().statusCode(200);
        assertEquals(rendered.asString(), remembered.asString());
        for (String header : new String[] {"Content-Type", "ETag", "Last-Modified", "Cache-Control", "Vary"}) {
            assertEquals(rendered.getHeader(header), remembered.getHeader(header), header);
        }
        given().header("If-None-Match", rendered.getHeader("ETag")).get("/api/v1/articles?limit=5").then().statusCode(304);
        given().header("If-Modified-Since", rendered.getHeader("Last-Modified")).get("/api/v1/articles?limit=5").then().statusCode(304);
        assertEquals(0, statistics.getPrepareStatementCount(), "statements for remembered answers");

        // Another format of the same URL is another answer.
        given().accept("application/atom+xml").get("/api/v1/articles?limit=5").then().statusCode(200)
                .contentType(containsString("application/atom+xml"));
        assertTrue(statistics.getPrepareStatementCount() > 0);
    }

    @Test
    void aRememberedAnswerIsCompressedLikeARenderedOne() {
        for (int i = 0; i < 30; i++) {
            data.article("Bài dài số " + i).body("Nội dung rất dài về sinh hoạt chi bộ. ".repeat(40)).save();
        }
        Response rendered = given().header("Accept-Encoding", "gzip").get("/api/v1/articles?limit=30");
        Response remembered = given().header("Accept-Encoding", "gzip").get("/api/v1/articles?limit=30");
        assertEquals("gzip", rendered.getHeader("Content-Encoding"));
        assertEquals("gzip", remembered.getHeader("Content-Encoding"));
        assertEquals(rendered.asString(), remembered.asString());
    }

    @Test
    void changesMadeElsewhereShowWithinTheTtlAndAtOnceForStrongOrAuthenticatedReads() {
        given().get("/api/v1/articles").then().body("items", hasSize(1));
        data.article("Quận Hai Bà Trưng triển khai Chỉ thị 24-CT/TU").org("quan-hai-ba-trung").save(); // as another instance would

        given().get("/api/v1/articles").then().body("items", hasSize(1));
        given().header("Consistency", "strong").get("/api/v1/articles").then().body("items", hasSize(2))
                .header("Cache-Control", is("private, no-cache"));
        given().header("Authorization", Tokens.admin()).get("/api/v1/articles").then().body("items", hasSize(2));

        clock.set(NOW.plusSeconds(11));
        given().get("/api/v1/articles").then().body("items", hasSize(2));
    }

    /**
     * Past its TTL, the first request renders the successor and every other is answered the previous answer
     * meanwhile. The renderer is held where rendering really waits: on the article table, locked by another session.
     */
    @Test
    void pastItsTtlAnAnswerIsServedWhileOneRequestRendersItsSuccessor() throws Exception {
        given().get("/api/v1/articles").then().body("items", hasSize(1));
        data.article("Quận Hai Bà Trưng triển khai Chỉ thị 24-CT/TU").org("quan-hai-ba-trung").save(); // as another instance would
        clock.set(NOW.plusSeconds(11));
        try (Connection locker = dataSource.getConnection()) {
            locker.setAutoCommit(false);
            locker.createStatement().execute("lock table article in access exclusive mode");
            CompletableFuture<Integer> renewing = CompletableFuture.supplyAsync(
                    () -> given().get("/api/v1/articles").then().statusCode(200).extract().path("items.size()"));
            await().atMost(Duration.ofSeconds(10)).until(this::someoneWaitsForTheArticleTable);

            int meanwhile = CompletableFuture.supplyAsync(() -> given().get("/api/v1/articles").then().statusCode(200)
                    .extract().<Integer>path("items.size()")).get(10, TimeUnit.SECONDS);
            assertEquals(1, meanwhile, "answered the previous answer while the successor renders");
            assertTrue(!renewing.isDone(), "the renderer still waits");

            locker.rollback();
            assertEquals(2, renewing.get(10, TimeUnit.SECONDS), "the first to ask after the TTL renders the successor");
        }
        given().get("/api/v1/articles").then().body("items", hasSize(2));
    }

    private boolean someoneWaitsForTheArticleTable() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                ResultSet waiting = connection.createStatement().executeQuery(
                        "select count(*) from pg_locks where not granted and relation = 'article'::regclass")) {
            return waiting.next() && waiting.getInt(1) > 0;
        }
    }

    @Test
    void aWriteThroughThisInstanceShowsAtOnce() {
        given().get("/api/v1/articles").then().body("items", hasSize(1));
        given().header("Authorization", Tokens.admin()).contentType("text/plain; charset=UTF-8")
                .body("Phường Bách Khoa họp dân\nNgày đăng 03/06/2024 | 14:35\n\nSáng ngày 31/5, Đảng ủy phường Bách Khoa đã họp dân.")
                .post("/api/v1/imports").then().statusCode(201);
        given().get("/api/v1/articles").then().body("items", hasSize(2));
    }

    @Test
    void rememberedAnswersAreCountedUnderTheirEndpointInTheMetrics() {
        for (int i = 0; i < 3; i++) {
            given().get("/api/v1/articles/" + slug).then().statusCode(200);
        }
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("uri=\"/api/v1/articles/{id}\""))
                .body(not(containsString(slug)));
    }
}
