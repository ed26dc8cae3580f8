package vn.tincoso.deploy;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

import io.restassured.path.json.JsonPath;

import vn.tincoso.testing.AppProcess;
import vn.tincoso.testing.FreshDatabase;
import vn.tincoso.testing.Tokens;

/**
 * Swagger UI on the packaged application, in Debian's Chromium: for every GET operation of the served document, "Try it
 * out" then "Execute" with what Swagger UI fills in from the examples, and the live response must be a 2xx. The instance
 * loads the demo content, so the documented examples (an article's slug, a unit, a directive) name things that exist;
 * the operations that need a token run after Swagger UI's "Authorize" with an admin token. Skipped where
 * /usr/bin/chromium or /usr/bin/chromedriver is missing (Debian's chromium and chromium-driver; .ci/run installs them).
 */
class SwaggerUiIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration PAGE_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(30);
    private static final FreshDatabase DATABASE = new FreshDatabase();
    private static Map<String, String> database;
    private static AppProcess app;
    /** A key for this test only (the webhook operations answer 503 without one). */
    private static final String WEBHOOK_KEY = "c3dhZ2dlci11aS1pdC1vbmx5LWtleS0zMi1ieXRlcyE=";
    private static Path profile;
    private static WebDriver browser;

    /** A GET of the document, and the block Swagger UI renders it in (under its first tag, as deep linking names it). */
    private record Operation(String path, String operationId, String tag, boolean secured) {

        String blockId() {
            return "operations-" + tag.trim().replaceAll("\\s", "_") + "-" + operationId;
        }
    }

    @BeforeAll
    static void start() {
        database = AppProcess.database(DATABASE.start());
    }

    @AfterAll
    static void stop() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (app != null) {
            app.close();
        }
        if (profile != null) {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
        DATABASE.stop();
    }

    @Test
    void everyGetOperationAnswers2xxFromItsExamples() {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER), "no " + CHROMIUM + " or "
                + CHROMEDRIVER + " on this machine (Debian's chromium and chromium-driver, which .ci/run installs): Swagger UI not driven");
        Map<String, String> settings = new HashMap<>(database);
        settings.put("QUARKUS_SWAGGER_UI_ENABLED", "true");
        settings.put("TINCOSO_DEMO_CONTENT_ENABLED", "true");
        settings.put("TINCOSO_WEBHOOKS_ENCRYPTION_KEY", WEBHOOK_KEY);
        settings.put("TINCOSO_WEBHOOKS_ALLOW_PRIVATE_TARGETS", "true");
        app = AppProcess.start("swagger-ui", settings);
        subscribeTheExampleWebhook();
        List<Operation> operations = getOperations();
        assertFalse(operations.isEmpty(), "the served document lists no GET operation");
        long opening = System.nanoTime();
        browser = chromium();
        browser.get(app.url() + "/q/swagger-ui/");
        Awaitility.await("Swagger UI showing the operations").atMost(PAGE_TIMEOUT).pollInterval(Duration.ofMillis(200))
                .until(() -> !browser.findElements(By.cssSelector(".opblock")).isEmpty());
        System.out.printf("SwaggerUiIT: Chromium started and Swagger UI shown in %.1f s%n", (System.nanoTime() - opening) / 1e9);
        if (operations.stream().anyMatch(Operation::secured)) {
            authorize(Tokens.admin().substring("Bearer ".length()));
        }

        List<String> failures = new ArrayList<>();
        for (Operation operation : operations) {
            long started = System.nanoTime();
            String outcome;
            try {
                outcome = execute(operation);
            } catch (RuntimeException e) {
                outcome = "Swagger UI did not get as far as a response: " + e.getClass().getSimpleName() + " "
                        + String.valueOf(e.getMessage()).lines().findFirst().orElse("");
            }
            System.out.printf("SwaggerUiIT: GET %s (%s): %s, %.1f s%n", operation.path(), operation.operationId(), outcome,
                    (System.nanoTime() - started) / 1e9);
            if (!outcome.matches("2\\d\\d")) {
                failures.add("GET " + operation.path() + " (" + operation.operationId() + "): " + outcome);
            }
        }
        System.out.printf("SwaggerUiIT: %d GET operations executed in Swagger UI, %d not 2xx%n", operations.size(), failures.size());
        if (!failures.isEmpty()) {
            fail(failures.size() + " of " + operations.size() + " GET operations fail in Swagger UI with their examples:\n  "
                    + String.join("\n  ", failures) + browserErrors() + "\n(the instance's log: " + app.log() + ")");
        }
    }

    /** Webhook 1, the one the webhook operations' examples name (demo content holds none: it would send requests). */
    private static void subscribeTheExampleWebhook() {
        int id = given().baseUri(app.url()).header("Authorization", Tokens.admin()).contentType("application/json")
                .body("{\"url\": \"http://127.0.0.1:9/hook\", \"events\": [\"article.deleted\"]}").post("/api/v1/webhooks")
                .then().statusCode(201).extract().path("id");
        assertEquals(1, id, "the webhook examples name webhook 1");
    }

    /** Without QUARKUS_SWAGGER_UI_ENABLED, the packaged application serves no Swagger UI (its document stays public). */
    @Test
    void aProductionInstanceServesNoSwaggerUiUnlessTurnedOn() {
        Map<String, String> settings = new HashMap<>(database);
        settings.put("TINCOSO_GAZETTEER_ENABLED", "false");
        try (AppProcess plain = AppProcess.start("swagger-ui-default", settings)) {
            assertEquals(404, plain.status("/q/swagger-ui/"));
            assertEquals(200, plain.status("/q/openapi"));
        }
    }

    /** The GET operations of the document the instance serves, in its order: a GET added later is covered too. */
    private static List<Operation> getOperations() {
        JsonPath document = given().baseUri(app.url()).get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath();
        boolean securedByDefault = document.get("security") != null && !document.getList("security").isEmpty();
        Map<String, Map<String, Object>> paths = document.getMap("paths");
        List<Operation> operations = new ArrayList<>();
        paths.forEach((path, item) -> {
            if (item.get("get") instanceof Map<?, ?> get) {
                String operationId = (String) get.get("operationId");
                assertNotNull(operationId, "GET " + path + " has no operationId (quarkus.smallrye-openapi.operation-id-strategy)");
                List<?> tags = get.get("tags") instanceof List<?> list ? list : List.of();
                boolean secured = get.containsKey("security") ? !((List<?>) get.get("security")).isEmpty() : securedByDefault;
                operations.add(new Operation(path, operationId, tags.isEmpty() ? "default" : (String) tags.get(0), secured));
            }
        });
        return operations;
    }

    /** Headless, on a profile of its own; no background requests to Google, which this machine's network refuses. */
    private static WebDriver chromium() {
        try {
            profile = Files.createTempDirectory(Path.of("target"), "swagger-ui-chromium-");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile()).addArguments("--headless=new", "--no-sandbox",
                "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--window-size=1400,1000", "--user-data-dir=" + profile.toAbsolutePath());
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.WARNING);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().withLogFile(Path.of("target", "it-swagger-ui-chromedriver.log").toFile()).build();
        return new ChromeDriver(service, options);
    }

    /** Swagger UI's "Authorize" dialog: the token for every HTTP bearer scheme of the document. */
    private static void authorize(String token) {
        browser.findElement(By.cssSelector(".auth-wrapper button.authorize")).click();
        Awaitility.await("the Authorize dialog").atMost(RESPONSE_TIMEOUT).pollInterval(Duration.ofMillis(100))
                .until(() -> !browser.findElements(By.cssSelector(".dialog-ux .auth-container")).isEmpty());
        for (WebElement scheme : browser.findElements(By.cssSelector(".dialog-ux .auth-container"))) {
            List<WebElement> value = scheme.findElements(By.cssSelector("input[aria-label='auth-bearer-value']"));
            if (!value.isEmpty()) {
                value.get(0).sendKeys(token);
                scheme.findElement(By.cssSelector("button.authorize")).click();
            }
        }
        browser.findElement(By.cssSelector(".dialog-ux button.btn-done")).click();
    }

    /**
     * Opens the operation's block, "Try it out", "Execute": the status the live response shows, or what went wrong. The
     * block is closed again, so that Swagger UI does not re-render every earlier response at each step.
     */
    private static String execute(Operation operation) {
        List<WebElement> blocks = browser.findElements(By.id(operation.blockId()));
        if (blocks.isEmpty()) {
            return "no block #" + operation.blockId() + " in Swagger UI";
        }
        WebElement block = blocks.get(0);
        By summary = By.cssSelector(".opblock-summary-control");
        block.findElement(summary).click();
        try {
            return tryItOut(operation, block);
        } finally {
            block.findElement(summary).click();
        }
    }

    private static String tryItOut(Operation operation, WebElement block) {
        WebElement tryItOut = Awaitility.await("Try it out of " + operation.operationId()).atMost(RESPONSE_TIMEOUT)
                .pollInterval(Duration.ofMillis(100)).until(() -> block.findElements(By.cssSelector("button.try-out__btn")),
                        found -> !found.isEmpty()).get(0);
        tryItOut.click();
        String emptyPathParameters = block.findElements(By.cssSelector("tr[data-param-in='path']")).stream()
                .filter(row -> row.findElements(By.cssSelector("input")).stream().allMatch(input -> input.getDomProperty("value").isBlank()))
                .map(row -> row.getDomAttribute("data-param-name")).collect(Collectors.joining(", "));
        if (!emptyPathParameters.isEmpty()) {
            return "Swagger UI leaves the required path parameter " + emptyPathParameters + " empty: it needs an example";
        }
        block.findElement(By.cssSelector("button.execute")).click();
        By status = By.cssSelector(".live-responses-table tr.response > td.response-col_status");
        try {
            Awaitility.await().atMost(RESPONSE_TIMEOUT).pollInterval(Duration.ofMillis(100))
                    .until(() -> !block.findElements(status).isEmpty());
        } catch (ConditionTimeoutException e) {
            String errors = block.findElements(By.cssSelector(".validation-errors")).stream().map(WebElement::getText)
                    .collect(Collectors.joining(" "));
            return "no response shown within " + RESPONSE_TIMEOUT.toSeconds() + " s of Execute"
                    + (errors.isEmpty() ? "" : " (" + errors.replace('\n', ' ') + ")");
        }
        String shown = block.findElement(status).getText().trim();
        String code = shown.split("\\s+")[0];
        if (code.matches("\\d{3}")) {
            return code;
        }
        String details = block.findElements(By.cssSelector(".live-responses-table tr.response > td.response-col_description")).stream()
                .map(WebElement::getText).collect(Collectors.joining(" ")).replace('\n', ' ');
        return "no status (" + (shown + " " + details.substring(0, Math.min(details.length(), 300))).trim() + ")";
    }

    /** What the page logged as a warning or an error (a failing Execute often shows only there). */
    private static String browserErrors() {
        try {
            String logged = browser.manage().logs().get(LogType.BROWSER).getAll().stream().map(entry -> entry.getLevel() + " "
                    + entry.getMessage()).collect(Collectors.joining("\n  "));
            return logged.isEmpty() ? "" : "\nThe page logged:\n  " + logged;
        } catch (RuntimeException e) {
            return "";
        }
    }
}
