package vn.tincoso.deploy;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.standardwebhooks.Webhook;
import com.sun.net.httpserver.HttpServer;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import vn.tincoso.testing.AppProcess;
import vn.tincoso.testing.FreshDatabase;
import vn.tincoso.testing.Tokens;

/**
 * Webhooks of the packaged application: nothing lost when an instance is killed (SIGKILL) after a publish committed
 * and before, or while, its delivery is made; with two instances running, each delivery made once.
 */
class WebhooksIT {

    private static final String KEY = "q1Qj3cK0bq1o3f0m8Jm0b2tQ0r3Yk1m9Jx2fC7sVb4A=";

    private final FreshDatabase database = new FreshDatabase();
    private Map<String, String> settings;
    private HttpServer receiver;
    private final ConcurrentLinkedQueue<String[]> received = new ConcurrentLinkedQueue<>();
    /** While set, the receiver takes each request and never answers it. */
    private final AtomicBoolean hanging = new AtomicBoolean();
    private final CountDownLatch hung = new CountDownLatch(1);

    @BeforeEach
    void start() throws IOException {
        settings = new HashMap<>(AppProcess.database(database.start()));
        settings.put("TINCOSO_WEBHOOKS_ENCRYPTION_KEY", KEY);
        settings.put("TINCOSO_WEBHOOKS_ALLOW_PRIVATE_TARGETS", "true");
        settings.put("TINCOSO_WEBHOOKS_TIMEOUT", "3s");
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.setExecutor(Executors.newCachedThreadPool());
        receiver.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (hanging.get()) {
                hung.countDown();
                return;
            }
            received.add(new String[] {exchange.getRequestHeaders().getFirst("webhook-id"),
                    exchange.getRequestHeaders().getFirst("webhook-timestamp"), exchange.getRequestHeaders().getFirst("webhook-signature"), body});
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stop() {
        receiver.stop(0);
        database.stop();
    }

    private String subscribe(AppProcess app) {
        return given().baseUri(app.url()).header("Authorization", Tokens.admin()).contentType(ContentType.JSON)
                .body("{\"url\": \"http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook\"}").post("/api/v1/webhooks")
                .then().statusCode(201).extract().path("secret");
    }

    @Test
    void aPublishCommittedBeforeTheInstanceWasKilledIsDeliveredAfterARestart() throws Exception {
        Map<String, String> noWorker = new HashMap<>(settings);
        noWorker.put("TINCOSO_WEBHOOKS_WORKER_ENABLED", "false");
        String secret;
        try (AppProcess first = AppProcess.start("webhooks-killed", noWorker)) {
            secret = subscribe(first);
            SampleArticles.importInto(first.url(), 1, 3);
            first.process().destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        try (AppProcess again = AppProcess.start("webhooks-restarted", settings)) {
            Awaitility.await("three deliveries").atMost(Duration.ofSeconds(30)).until(() -> received.size() == 3);
            Webhook verifier = new Webhook(secret);
            for (String[] message : received) {
                verifier.verify(message[3], Map.of("webhook-id", List.of(message[0]), "webhook-timestamp", List.of(message[1]),
                        "webhook-signature", List.of(message[2])));
                assertEquals("article.published", JsonPath.from(message[3]).getString("type"));
            }
        }
    }

    @Test
    void aDeliveryInFlightWhenTheInstanceWasKilledIsMadeAgainWithTheSameId() throws Exception {
        hanging.set(true);
        try (AppProcess first = AppProcess.start("webhooks-in-flight", settings)) {
            subscribe(first);
            SampleArticles.importInto(first.url(), 1, 1);
            hung.await(30, TimeUnit.SECONDS);
            first.process().destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        hanging.set(false);
        try (AppProcess again = AppProcess.start("webhooks-after-kill", settings)) {
            // Sent again once the dead instance's claim has run out (twice the timeout).
            Awaitility.await("the delivery made again").atMost(Duration.ofSeconds(40)).until(() -> received.size() == 1);
            assertEquals("msg_1", received.peek()[0]);
            given().baseUri(again.url()).header("Authorization", Tokens.admin()).get("/api/v1/webhooks/1/deliveries")
                    .then().statusCode(200).body("attempts[0]", org.hamcrest.Matchers.is(2))
                    .body("status[0]", org.hamcrest.Matchers.is("delivered"));
        }
    }

    @Test
    void withoutItsKeyAnInstanceRefusesNewSecretsButStillListsPausesAndDeletes() {
        try (AppProcess keyed = AppProcess.start("webhooks-keyed", settings)) {
            subscribe(keyed);
        }
        Map<String, String> keyless = new HashMap<>(settings);
        keyless.remove("TINCOSO_WEBHOOKS_ENCRYPTION_KEY");
        try (AppProcess app = AppProcess.start("webhooks-keyless", keyless)) {
            given().baseUri(app.url()).header("Authorization", Tokens.admin()).contentType(ContentType.JSON)
                    .body("{\"url\": \"http://127.0.0.1:9/hook\"}").post("/api/v1/webhooks")
                    .then().statusCode(503).contentType("application/problem+json")
                    .body("detail", org.hamcrest.Matchers.containsString("tincoso.webhooks.encryption-key"));
            given().baseUri(app.url()).header("Authorization", Tokens.admin()).get("/api/v1/webhooks")
                    .then().statusCode(200).body("id", org.hamcrest.Matchers.contains(1)).body("[0]", org.hamcrest.Matchers.not(
                            org.hamcrest.Matchers.hasKey("secret")));
            given().baseUri(app.url()).header("Authorization", Tokens.admin()).contentType(ContentType.JSON)
                    .body("{\"secret\": \"whsec_" + "A".repeat(32) + "\"}").patch("/api/v1/webhooks/1").then().statusCode(503);
            given().baseUri(app.url()).header("Authorization", Tokens.admin()).contentType(ContentType.JSON)
                    .body("{\"state\": \"paused\"}").patch("/api/v1/webhooks/1").then().statusCode(200).body("state",
                            org.hamcrest.Matchers.is("paused"));
            given().baseUri(app.url()).header("Authorization", Tokens.admin()).delete("/api/v1/webhooks/1").then().statusCode(204);
        }
    }

    @Test
    void twoInstancesMakeEachDeliveryOnce() {
        try (AppProcess first = AppProcess.start("webhooks-first", settings);
                AppProcess second = AppProcess.start("webhooks-second", settings)) {
            subscribe(first);
            for (int batch = 0; batch < 4; batch++) {
                SampleArticles.importInto((batch % 2 == 0 ? first : second).url(), 100 + batch * 10, 10);
            }
            Awaitility.await("forty deliveries").atMost(Duration.ofSeconds(30)).until(() -> received.size() >= 40);
            // Long enough for a duplicate to show, were one made.
            Awaitility.await().pollDelay(Duration.ofSeconds(2)).until(() -> true);
            assertEquals(40, received.size());
            assertEquals(40, received.stream().map(message -> message[0]).distinct().count());
            assertEquals(40, received.stream().map(message -> JsonPath.from(message[3]).getInt("data.id")).distinct().count());
        }
    }
}
