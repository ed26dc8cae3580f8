package vn.tincoso.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.time.Duration;

import org.awaitility.Awaitility;

/**
 * The packaged application (target/quarkus-app, production profile) in a process of its own, on a free port:
 * for tests that need several instances, a restart, or a signal. Its console output (JSON log lines) is kept
 * in a file under target/.
 */
public final class AppProcess implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final Process process;
    private final int port;
    private final Path log;

    private AppProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /**
     * Starts an instance with these settings (environment variables, e.g. QUARKUS_DATASOURCE_JDBC_URL) on top of
     * the ones every test instance shares, and waits until it is ready.
     */
    public static AppProcess start(String name, Map<String, String> settings) {
        int port = freePort();
        Path log = Path.of("target", "it-" + name + ".log");
        ProcessBuilder builder = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-jar", "target/quarkus-app/quarkus-run.jar"))
                .redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> environment = new HashMap<>(Map.of(
                "QUARKUS_HTTP_PORT", String.valueOf(port),
                "QUARKUS_HTTP_HOST", "127.0.0.1",
                "MP_JWT_VERIFY_PUBLICKEY_LOCATION", "deploy/local/jwt/dev-public.pem",
                "TINCOSO_RATE_LIMIT_REQUESTS_PER_MINUTE", "0",
                "TINCOSO_PUBLIC_BASE_URL", "https://tin.example.vn",
                "QUARKUS_SHUTDOWN_DELAY", "1S"));
        environment.putAll(settings);
        builder.environment().putAll(environment);
        try {
            AppProcess app = new AppProcess(builder.start(), port, log);
            app.awaitReady();
            return app;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The settings that point an instance at a database created by {@link FreshDatabase}. */
    public static Map<String, String> database(Map<String, String> fresh) {
        return Map.of("QUARKUS_DATASOURCE_JDBC_URL", fresh.get("quarkus.datasource.jdbc.url"),
                "QUARKUS_DATASOURCE_USERNAME", fresh.get("quarkus.datasource.username"),
                "QUARKUS_DATASOURCE_PASSWORD", fresh.get("quarkus.datasource.password"));
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public Path log() {
        return log;
    }

    public Process process() {
        return process;
    }

    private void awaitReady() {
        Awaitility.await("the application ready; see " + log).atMost(START_TIMEOUT).pollInterval(Duration.ofMillis(100)).until(() -> {
            assertTrue(process.isAlive(), "the application stopped while starting; see " + log + ":\n" + tail());
            return status("/q/health/ready") == 200;
        });
    }

    /** The status of a GET, or -1 when nothing answers. */
    public int status(String path) {
        try {
            HttpURLConnection connection = (HttpURLConnection) URI.create(url() + path).toURL().openConnection();
            connection.setConnectTimeout(1000);
            connection.setReadTimeout(10_000);
            try {
                return connection.getResponseCode();
            } finally {
                connection.disconnect();
            }
        } catch (IOException e) {
            return -1;
        }
    }

    /** Sends SIGTERM, as a container runtime does, and waits for the process to end. */
    public int terminate() {
        process.destroy();
        try {
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the application did not stop within 60 s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return process.exitValue();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** A TCP port nothing listens on at the moment. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
