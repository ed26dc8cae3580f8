package vn.tincoso.ingest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.quarkus.test.junit.QuarkusTest;
import picocli.CommandLine;

import vn.tincoso.tools.ImportCommand;
import vn.tincoso.testing.TestData;
import vn.tincoso.testing.Slow;

@Slow
@QuarkusTest
class ImportCommandTest {

    @Inject
    TestData data;


    @ConfigProperty(name = "quarkus.http.test-port")
    int port;

    @TempDir
    Path folder;

    @BeforeEach
    void folderOfArticles() throws IOException {
        data.startWithGazetteer();
        for (String sample : new String[] {"my-dinh-1-de-an-11.txt", "hai-ba-trung-de-an-11.txt", "tho-quan-nghi-quyet-dai-hoi.txt"}) {
            try (InputStream text = getClass().getResourceAsStream("/demo/articles/" + sample)) {
                Files.createDirectories(folder.resolve("2024"));
                Files.write(folder.resolve("2024").resolve(sample), text.readAllBytes());
            }
        }
        Files.writeString(folder.resolve("khong-ro-don-vi.txt"), "Hội nghị\nNgày đăng 01/01/2024 | 08:00\nNội dung.", StandardCharsets.UTF_8);
        Files.write(folder.resolve("latin1.txt"), "Ph\u01b0\u1eddng".getBytes(StandardCharsets.UTF_16LE));
        Files.writeString(folder.resolve("ghi-chu.md"), "not an article");
    }

    /** Runs the command as an admin would, with a token. */
    private int run(StringWriter out, String... args) {
        String[] withToken = java.util.stream.Stream.concat(java.util.Arrays.stream(args),
                java.util.stream.Stream.of("--token", vn.tincoso.testing.Tokens.admin().substring("Bearer ".length()))).toArray(String[]::new);
        return runAsGiven(out, withToken);
    }

    private int runAsGiven(StringWriter out, String... args) {
        CommandLine command = new CommandLine(new ImportCommand());
        command.setOut(new PrintWriter(out));
        command.setErr(new PrintWriter(out));
        return command.execute(args);
    }

    @Test
    void importsEveryTextFileAndSummarises() {
        StringWriter out = new StringWriter();
        int exit = run(out, folder.toString(), "--api", "http://localhost:" + port, "--batch-size", "2");
        assertEquals(1, exit, out.toString());
        assertTrue(out.toString().contains("5 files: created 3, updated 0, needs review 1, rejected 1"), out.toString());
        assertTrue(out.toString().contains("needs review khong-ro-don-vi.txt: the text names no unit"), out.toString());
        assertTrue(out.toString().contains("rejected latin1.txt: not UTF-8 text"), out.toString());
        given().get("/api/v1/articles").then().body("items.size()", is(3));

        StringWriter again = new StringWriter();
        run(again, folder.toString(), "--api", "http://localhost:" + port);
        assertTrue(again.toString().contains("created 0, updated 3, needs review 1, rejected 1"), again.toString());
    }

    @Test
    void dryRunStoresNothing() {
        StringWriter out = new StringWriter();
        run(out, folder.toString(), "--api", "http://localhost:" + port, "--dry-run");
        assertTrue(out.toString().contains("(dry run) 5 files: created 3"), out.toString());
        given().get("/api/v1/articles").then().body("items.size()", is(0));
    }

    @Test
    void anUnreachableApiIsExitCodeTwo() {
        StringWriter out = new StringWriter();
        assertEquals(2, run(out, folder.toString(), "--api", "http://127.0.0.1:9"));
        assertTrue(out.toString().contains("Cannot reach the API"), out.toString());
    }

    @Test
    void withoutATokenTheApiRefuses() {
        StringWriter out = new StringWriter();
        assertEquals(2, runAsGiven(out, folder.toString(), "--api", "http://localhost:" + port));
        assertTrue(out.toString().contains("401"), out.toString());
    }

    @Test
    void badArgumentsAreExplained() {
        StringWriter out = new StringWriter();
        assertEquals(2, run(out, folder.resolve("missing").toString()));
        assertTrue(out.toString().contains("is not a folder"), out.toString());
    }
}
