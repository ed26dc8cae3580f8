package vn.tincoso.tools;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Runs an {@link EmbeddedPostgresServer} for deploy/local/run-demo.sh when nothing answers at the configured
 * PostgreSQL: data in --folder's data/ (kept, so the demo's database survives restarts), PostgreSQL's log in
 * its server.log. Prints one line once the server is up and the role and database exist, then runs until the
 * process --stop-with names ends (the run command, which then is dev mode), or until it is stopped itself.
 */
@Command(name = "embedded-postgres", mixinStandardHelpOptions = true,
        description = "Chạy một PostgreSQL nhúng cho bản chạy thử khi máy không có PostgreSQL.")
public class EmbeddedPostgresCommand implements Callable<Integer> {

    @Option(names = "--port", required = true, description = "Cổng lắng nghe.")
    int port;

    @Option(names = "--folder", defaultValue = "target/embedded-postgres", description = "Thư mục dữ liệu và nhật ký (mặc định: ${DEFAULT-VALUE}).")
    Path folder;

    @Option(names = "--user", defaultValue = "postgres", description = "Vai trò đăng nhập cần có (mặc định: ${DEFAULT-VALUE}).")
    String user;

    @Option(names = "--database", defaultValue = "tincoso", description = "Cơ sở dữ liệu cần có (mặc định: ${DEFAULT-VALUE}).")
    String database;

    @Option(names = "--stop-with", description = "Dừng khi tiến trình có PID này kết thúc.")
    Long stopWith;

    public static void main(String[] args) {
        System.exit(new CommandLine(new EmbeddedPostgresCommand()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(port, folder.resolve("data"), folder.resolve("server.log"),
                EmbeddedPostgresServer.Data.KEEP)) {
            server.createIfMissing(user, database);
            System.out.printf("Embedded PostgreSQL %s started on 127.0.0.1:%d, data in %s (%s)%n", server.version(), server.port(),
                    server.dataDirectory(), server.reused() ? "kept from an earlier run" : "new");
            System.out.flush();
            awaitStop();
        }
        return 0;
    }

    /** Until the watched process ends; without one, until this process is stopped (the server's shutdown hook then stops it). */
    private void awaitStop() throws InterruptedException {
        if (stopWith == null) {
            new CountDownLatch(1).await();
            return;
        }
        ProcessHandle.of(stopWith).ifPresent(watched -> watched.onExit().join());
    }
}
