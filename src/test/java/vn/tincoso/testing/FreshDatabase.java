package vn.tincoso.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

/**
 * Gives every test run a PostgreSQL database of its own, created empty before the application starts
 * (Flyway then migrates it) and dropped when the run ends, so concurrent runs never see each other's rows.
 * Server and credentials come from TINCOSO_TEST_PG_HOST/PORT/USER/PASSWORD (default: the local server).
 */
@WithTestResource(value = FreshDatabase.class, scope = TestResourceScope.GLOBAL)
public class FreshDatabase implements QuarkusTestResourceLifecycleManager {

    private final String host = env("TINCOSO_TEST_PG_HOST", "127.0.0.1");
    private final String port = env("TINCOSO_TEST_PG_PORT", "5432");
    private final String user = env("TINCOSO_TEST_PG_USER", "postgres");
    private final String password = env("TINCOSO_TEST_PG_PASSWORD", "");
    private final String database = "tincoso_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);

    @Override
    public Map<String, String> start() {
        execute("create database " + database + " encoding 'UTF8' template template0");
        return Map.of(
                "quarkus.datasource.jdbc.url", url(database),
                "quarkus.datasource.username", user,
                "quarkus.datasource.password", password);
    }

    @Override
    public void stop() {
        execute("drop database if exists " + database + " with (force)");
    }

    /** The number a counting query gives on this run's database (for tests of other processes' writes). */
    public long count(String sql) {
        try (Connection connection = DriverManager.getConnection(url(database), user, password);
                Statement statement = connection.createStatement();
                java.sql.ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot run '" + sql + "': " + e.getMessage(), e);
        }
    }

    private void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(url("postgres"), user, password);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot run '" + sql + "' on " + url("postgres") + ": " + e.getMessage(), e);
        }
    }

    private String url(String name) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + name;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
