package vn.tincoso.tools;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Imports a folder of portal articles (.txt, UTF-8, one article a file) through a running API's
 * POST /api/v1/imports, in NDJSON batches, with a progress bar and a summary of what was created, updated
 * and rejected. Run it with deploy/local/import.sh. Exit code: 0 all imported, 1 some rejected, 2 the
 * API could not be used.
 */
@Command(name = "import.sh", mixinStandardHelpOptions = true,
        description = "Nhập một thư mục bài viết (.txt, UTF-8, mỗi tệp một bài) qua API tincoso.")
public class ImportCommand implements Callable<Integer> {

    /** The API's limit of items per import request (ImportService.MAX_ITEMS there). */
    static final int MAX_BATCH = 500;

    @Parameters(index = "0", paramLabel = "FOLDER", description = "Thư mục chứa các tệp .txt (kể cả thư mục con).")
    Path folder;

    @Option(names = "--api", defaultValue = "http://localhost:8080", description = "Địa chỉ API (mặc định: ${DEFAULT-VALUE}).")
    URI api;

    @Option(names = "--dry-run", description = "Chỉ xem kết quả gắn thẻ, không lưu gì.")
    boolean dryRun;

    @Option(names = "--batch-size", defaultValue = "50", description = "Số bài mỗi yêu cầu, 1 đến 500 (mặc định: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--token", defaultValue = "${env:TINCOSO_TOKEN}",
            description = "Mã truy cập (JWT) của quản trị viên hoặc biên tập viên; mặc định lấy từ biến TINCOSO_TOKEN.")
    String token;

    @Option(names = "--source-url-base", paramLabel = "URL",
            description = "Gán cho mỗi bài sourceUrl = URL/<tên tệp>, để lần nhập sau của tệp đã sửa cập nhật đúng bài đó.")
    String sourceUrlBase;

    @Spec
    CommandSpec spec;

    private final ObjectMapper mapper = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    public static void main(String[] args) {
        System.exit(new CommandLine(new ImportCommand()).execute(args));
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        if (batchSize < 1 || batchSize > MAX_BATCH) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--batch-size must be 1 to " + MAX_BATCH);
        }
        List<Path> files = textFiles();
        Map<String, Integer> totals = new LinkedHashMap<>(Map.of("created", 0, "updated", 0, "needs-review", 0, "rejected", 0, "failed", 0));
        List<String> rejections = new ArrayList<>();
        try (ProgressBar bar = new ProgressBarBuilder().setTaskName(dryRun ? "Thử nhập" : "Nhập bài")
                .setInitialMax(files.size()).setStyle(ProgressBarStyle.ASCII).continuousUpdate().build()) {
            for (int start = 0; start < files.size(); start += batchSize) {
                List<Path> batch = files.subList(start, Math.min(files.size(), start + batchSize));
                List<String> lines = new ArrayList<>();
                List<Path> sent = new ArrayList<>();
                for (Path file : batch) {
                    try {
                        lines.add(item(file));
                        sent.add(file);
                    } catch (CharacterCodingException e) {
                        totals.merge("rejected", 1, Integer::sum);
                        rejections.add("rejected " + folder.relativize(file) + ": not UTF-8 text");
                    }
                }
                if (!lines.isEmpty()) {
                    JsonNode report = post(String.join("\n", lines));
                    for (JsonNode item : report.get("items")) {
                        String status = item.get("status").asText();
                        // conflict and failed: the server stored nothing and the file may simply be sent again
                        String total = status.equals("conflict") ? "failed" : status;
                        totals.merge(total, 1, Integer::sum);
                        if (status.equals("needs-review")) {
                            rejections.add("needs review " + folder.relativize(sent.get(item.get("index").asInt())) + ": "
                                    + item.path("review").path("reason").asText());
                        }
                        if (item.hasNonNull("error")) {
                            String field = item.path("field").asText("");
                            rejections.add(total + " " + folder.relativize(sent.get(item.get("index").asInt())) + ": "
                                    + (field.isEmpty() ? "" : field + ": ") + item.get("error").asText());
                        }
                    }
                }
                bar.stepBy(batch.size());
            }
        } catch (ApiUnavailable e) {
            spec.commandLine().getErr().println(e.getMessage());
            return 2;
        }
        out.printf("%s%d files: created %d, updated %d, needs review %d, rejected %d%s%n", dryRun ? "(dry run) " : "", files.size(),
                totals.get("created"), totals.get("updated"), totals.get("needs-review"), totals.get("rejected"),
                totals.get("failed") > 0 ? ", failed " + totals.get("failed") + " (send them again)" : "");
        rejections.forEach(rejection -> out.println("  " + rejection));
        out.flush();
        return totals.get("rejected") + totals.get("failed") > 0 ? 1 : 0;
    }

    private List<Path> textFiles() throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new CommandLine.ParameterException(spec.commandLine(), folder + " is not a folder");
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile).filter(file -> file.getFileName().toString().endsWith(".txt")).sorted().toList();
        }
    }

    private String item(Path file) throws IOException {
        ObjectNode item = mapper.createObjectNode();
        // Strict decoding: a file in another encoding is reported, never imported as mojibake.
        item.put("text", StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file))).toString());
        if (sourceUrlBase != null) {
            item.put("sourceUrl", sourceUrlBase.replaceAll("/+$", "") + "/" + folder.relativize(file).toString().replace('\\', '/'));
        }
        return mapper.writeValueAsString(item);
    }

    private JsonNode post(String ndjson) throws IOException, InterruptedException {
        URI endpoint = api.resolve("/api/v1/imports" + (dryRun ? "?dryRun=true" : ""));
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint).timeout(Duration.ofMinutes(5))
                .header("Content-Type", "application/x-ndjson; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(ndjson, StandardCharsets.UTF_8));
        if (token != null && !token.isBlank()) {
            request.header("Authorization", "Bearer " + token.strip());
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (ConnectException e) {
            throw new ApiUnavailable("Cannot reach the API at " + api + ": is it running?");
        }
        if (response.statusCode() != 200) {
            throw new ApiUnavailable("The API answered " + response.statusCode() + ": " + response.body());
        }
        return mapper.readTree(response.body());
    }

    private static final class ApiUnavailable extends RuntimeException {
        ApiUnavailable(String message) {
            super(message);
        }
    }
}
