package vn.tincoso.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.time.Duration;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.awaitility.Awaitility;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

import vn.tincoso.testing.Problems;
import vn.tincoso.testing.TestData;
import vn.tincoso.testing.Tokens;
import vn.tincoso.testing.Slow;

/**
 * The database goes away (the test database stops accepting connections and every open one is cut) and
 * comes back: the API answers 503 problem+json with Retry-After meanwhile, readiness goes DOWN, and it
 * recovers without a restart, with every write it had acknowledged still there.
 */
@Slow
@QuarkusTest
class DatabaseOutageTest {

    @Inject
    TestData data;

    @Inject
    AgroalDataSource pool;

    @ConfigProperty(name = "quarkus.datasource.jdbc.max-size")
    int poolSize;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;

    @ConfigProperty(name = "quarkus.datasource.username")
    String user;

    @ConfigProperty(name = "quarkus.datasource.password")
    java.util.Optional<String> password;

    @BeforeEach
    void tree() {
        data.startWithStandardTree();
    }

    @AfterEach
    void databaseBack() throws SQLException {
        allowConnections(true);
    }

    private void allowConnections(boolean allowed) throws SQLException {
        String database = url.substring(url.lastIndexOf('/') + 1);
        try (Connection admin = DriverManager.getConnection(url.substring(0, url.lastIndexOf('/') + 1) + "postgres", user, password.orElse(""));
                Statement statement = admin.createStatement()) {
            statement.execute("alter database " + database + " allow_connections " + allowed);
            if (!allowed) {
                statement.execute("select pg_terminate_backend(pid) from pg_stat_activity where datname = '" + database + "'");
            }
        }
    }

    @Test
    void answers503WhileAwayAndRecoversWithoutLosingWrites() throws SQLException {
        int acknowledged = given().header("Authorization", Tokens.admin()).contentType(ContentType.JSON)
                .body("{\"title\": \"Viết trước sự cố\", \"body\": [\"Nội dung.\"], \"organisation\": \"phuong-bach-khoa\"}")
                .post("/api/v1/articles").then().statusCode(201).extract().path("id");

        allowConnections(false);
        Problems.assertProblem(given().get("/api/v1/articles").then(), 503)
                .header("Retry-After", is("5"))
                .body("title", is("Service temporarily unavailable"));
        Problems.assertProblem(given().header("Authorization", Tokens.admin()).contentType(ContentType.JSON)
                .body("{\"title\": \"Viết trong sự cố\", \"body\": [\"Nội dung.\"], \"organisation\": \"phuong-bach-khoa\"}")
                .post("/api/v1/articles").then(), 503);
        given().get("/q/health/ready").then().statusCode(503).body("status", is("DOWN"));
        given().get("/q/health/live").then().statusCode(200);

        allowConnections(true);
        given().get("/q/health/ready").then().statusCode(200).body("status", is("UP"));
        given().header("Authorization", Tokens.admin()).get("/api/v1/articles/" + acknowledged).then().statusCode(200)
                .body("title", is("Viết trước sự cố"));
        given().get("/api/v1/organisations/phuong-bach-khoa").then().statusCode(200);
    }

    @Test
    void writesFlowingThroughAnOutageAreEitherAcknowledgedAndKeptOrRefusedWith503() throws Exception {
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService writer = Executors.newSingleThreadExecutor();
        Future<List<Integer>> written = writer.submit(() -> {
            List<Integer> acknowledged = new ArrayList<>();
            for (int n = 0; writing.get(); n++) {
                Response answer = given().header("Authorization", Tokens.admin()).contentType("text/plain; charset=UTF-8")
                        .body("Phường Bách Khoa họp lần " + n + "\nNgày đăng 03/06/2024 | 14:35\n\n"
                                + "Sáng ngày 31/5, Đảng ủy phường Bách Khoa đã tổ chức hội nghị lần thứ " + n + ".")
                        .post("/api/v1/imports");
                if (answer.statusCode() == 201) {
                    acknowledged.add(answer.path("items[0].id"));
                } else {
                    // Refused, never half-done: 503 problem+json with Retry-After, or the database answered late.
                    assertTrue(answer.statusCode() == 503 && answer.contentType().startsWith("application/problem+json")
                            && "5".equals(answer.header("Retry-After")), answer.statusCode() + " " + answer.asString());
                }
            }
            return acknowledged;
        });
        awaitImports(5, written);
        allowConnections(false);
        given().get("/q/health/ready").then().statusCode(503);
        Problems.assertProblem(given().get("/api/v1/articles").then(), 503);
        allowConnections(true);
        given().get("/q/health/ready").then().statusCode(200);
        int before = importedCount();
        awaitImports(before + 5, written);
        writing.set(false);
        List<Integer> acknowledged = written.get();
        writer.shutdown();

        for (int id : acknowledged) {
            given().get("/api/v1/articles/" + id).then().statusCode(200);
        }
        assertTrue(acknowledged.size() >= 10, "writes went on after the outage: " + acknowledged.size());
    }

    /** Every connection of the pool in use (by a slow report, a burst of writers): a write waits its 3 s, then 503. */
    @Test
    void aPoolWithNoConnectionToSpareAnswers503() throws SQLException {
        List<Connection> held = new ArrayList<>();
        try {
            for (int n = 0; n < poolSize; n++) {
                held.add(pool.getConnection());
            }
            Problems.assertProblem(given().header("Authorization", Tokens.admin()).contentType(ContentType.JSON)
                    .body("{\"title\": \"Viết khi hết kết nối\", \"body\": [\"Nội dung.\"], \"organisation\": \"phuong-bach-khoa\"}")
                    .post("/api/v1/articles").then(), 503).header("Retry-After", is("5"));
        } finally {
            for (Connection connection : held) {
                connection.close();
            }
        }
        given().header("Authorization", Tokens.admin()).contentType(ContentType.JSON)
                .body("{\"title\": \"Viết khi có kết nối\", \"body\": [\"Nội dung.\"], \"organisation\": \"phuong-bach-khoa\"}")
                .post("/api/v1/articles").then().statusCode(201);
    }

    /**
     * Polls the API until the ward holds at least this many published articles (a minute at most); a writer
     * that stopped on a wrong answer fails the test with that answer.
     */
    private void awaitImports(int count, Future<?> writer) throws Exception {
        Awaitility.await("imports reaching " + count).atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(50)).until(() -> {
            if (writer.isDone()) {
                writer.get();
            }
            return importedCount() >= count;
        });
    }

    private int importedCount() {
        Response answer = given().get("/api/v1/organisations/phuong-bach-khoa");
        return answer.statusCode() == 200 ? answer.path("articleCount") : -1;
    }
}
