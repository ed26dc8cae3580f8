package vn.tincoso.deploy;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.awaitility.Awaitility;

import io.restassured.specification.RequestSpecification;

import vn.tincoso.testing.AppProcess;
import vn.tincoso.testing.Tokens;

/**
 * The packaged application against a primary and its streaming replica (a scratch primary cluster and a
 * pg_basebackup copy of it, both made by deploy/local/replica.sh on free ports): with the replica's replay
 * paused, public reads miss what was just written, while writes, "Consistency: strong" reads and
 * authenticated reads see it. Skipped on a machine without PostgreSQL's server programs: the embedded
 * PostgreSQL of the other tests has no pg_basebackup.
 */
@EnabledIf(value = "hasServerPrograms", disabledReason = "no PostgreSQL server programs on this machine (initdb and pg_basebackup"
        + " in PG_BIN or /usr/lib/postgresql/*/bin): no streaming replica can be made")
class ReadReplicaIT {

    private static final String SCRIPT = "deploy/local/replica.sh";
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final Path PRIMARY_DIR = Path.of(System.getProperty("java.io.tmpdir"), "tincoso-it-primary-" + RUN);
    private static final Path REPLICA_DIR = Path.of(System.getProperty("java.io.tmpdir"), "tincoso-it-replica-" + RUN);
    private static int primaryPort;
    private static int replicaPort;
    private static AppProcess app;

    @BeforeAll
    static void primaryReplicaAndApp() throws Exception {
        primaryPort = AppProcess.freePort();
        replicaPort = AppProcess.freePort();
        script("primary", "--port", primaryPort, "--dir", PRIMARY_DIR);
        execute(primaryPort, "postgres", "create database tincoso encoding 'UTF8' template template0");
        script("start", "--primary-port", primaryPort, "--port", replicaPort, "--dir", REPLICA_DIR);
        app = AppProcess.start("replica", Map.of(
                "QUARKUS_DATASOURCE_JDBC_URL", url(primaryPort),
                "QUARKUS_DATASOURCE_USERNAME", "postgres",
                "QUARKUS_DATASOURCE_REPLICA_JDBC_URL", url(replicaPort)));
    }

    @AfterAll
    static void stopAll() throws Exception {
        if (app != null) {
            app.close();
        }
        script("stop", "--dir", REPLICA_DIR);
        script("stop", "--dir", PRIMARY_DIR);
    }

    @Test
    void publicReadsComeFromTheReplicaWritesAndStrongReadsFromThePrimary() throws Exception {
        SampleArticles.importInto(app.url(), 0, 1);
        awaitPublicArticles(1);

        execute(replicaPort, "tincoso", "select pg_wal_replay_pause()");
        try {
            SampleArticles.importInto(app.url(), 1, 1);
            articles(api()).body("items", hasSize(1));
            given().baseUri(app.url()).get("/api/v1/changes?level=ward").then().statusCode(200).body("changes", hasSize(1));
            articles(api().header("Consistency", "strong")).body("items", hasSize(2));
            articles(api().header("Authorization", Tokens.admin())).body("items", hasSize(2));
        } finally {
            execute(replicaPort, "tincoso", "select pg_wal_replay_resume()");
        }
        awaitPublicArticles(2);
        // A search: the index reads the primary's change stream outside the request's transaction, whose connection
        // is the replica's; the page's rows come from the replica.
        String title = api().get("/api/v1/articles?fields=title").then().statusCode(200).extract().path("items[0].title");
        api().queryParam("q", title).get("/api/v1/articles").then().statusCode(200)
                .body("items[0].title", org.hamcrest.Matchers.equalTo(title));
    }

    private RequestSpecification api() {
        return given().baseUri(app.url());
    }

    private static io.restassured.response.ValidatableResponse articles(RequestSpecification request) {
        return request.get("/api/v1/articles?fields=id").then().statusCode(200);
    }

    /** Polls public reads until the replica has replayed this many articles (a minute at most). */
    private void awaitPublicArticles(int count) {
        Awaitility.await("public reads showing " + count + " articles").atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(50))
                .until(() -> api().get("/api/v1/articles?fields=id").<List<?>>path("items").size() == count);
    }

    /** What deploy/local/replica.sh runs: $PG_BIN, or the newest /usr/lib/postgresql/VERSION/bin. */
    static boolean hasServerPrograms() {
        String configured = System.getenv("PG_BIN");
        if (configured != null && !configured.isBlank()) {
            return hasServerPrograms(Path.of(configured));
        }
        Path installed = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(installed)) {
            return false;
        }
        try (var versions = Files.list(installed)) {
            return versions.anyMatch(version -> hasServerPrograms(version.resolve("bin")));
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean hasServerPrograms(Path bin) {
        return Files.isExecutable(bin.resolve("initdb")) && Files.isExecutable(bin.resolve("pg_basebackup"));
    }

    private static void script(Object... arguments) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("bash", SCRIPT));
        for (Object argument : arguments) {
            command.add(argument.toString());
        }
        Process process = new ProcessBuilder(command).inheritIO().start();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), String.join(" ", command) + " did not finish");
        assertEquals(0, process.exitValue(), String.join(" ", command));
    }

    private static String url(int port) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/tincoso";
    }

    private static void execute(int port, String database, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/" + database, "postgres", "");
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
