package vn.tincoso.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** The packaged server carries the server only: the command-line tools and their libraries live in deploy/tools. */
class ServerArtifactIT {

    private static final Path APP = Path.of("target/quarkus-app");

    @Test
    void theServerJarHoldsNoToolAndNoCommandLineLibrary() throws IOException {
        assertTrue(Files.isDirectory(APP.resolve("lib/main")), "packaged before the integration tests");
        try (Stream<Path> files = Files.walk(APP)) {
            List<String> found = files.map(path -> APP.relativize(path).toString())
                    .filter(name -> name.contains("picocli") || name.contains("progressbar") || name.contains("vn/tincoso/tools"))
                    .toList();
            assertEquals(List.of(), found);
        }
        try (Stream<Path> classes = Files.walk(APP.resolve("app"))) {
            assertTrue(classes.noneMatch(path -> path.toString().endsWith(".jar") && containsTools(path)));
        }
    }

    private static boolean containsTools(Path jar) {
        try (var zip = new java.util.zip.ZipFile(jar.toFile())) {
            return zip.stream().anyMatch(entry -> entry.getName().startsWith("vn/tincoso/tools/")
                    || entry.getName().endsWith("Command.class"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
