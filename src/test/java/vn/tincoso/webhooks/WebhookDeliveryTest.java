package vn.tincoso.webhooks;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

import vn.tincoso.articles.Article;
import vn.tincoso.articles.ArticleStatus;
import vn.tincoso.testing.Problems;
import vn.tincoso.testing.TestData;
import vn.tincoso.testing.Tokens;

/**
 * Webhooks end to end against a receiver on loopback: the events a subscription gets as articles are published,
 * changed, moved out of its filter and deleted, in order per article, each signed as Standard Webhooks has it — checked
 * with the specification's own Java library, not ours — and retried, disabled or replayed as the receiver answers.
 * The test turns the worker's loop itself (tincoso.webhooks.worker-enabled is off in tests).
 */
@QuarkusTest
class WebhookDeliveryTest {

    @Inject
    TestData data;

    @Inject
    WebhookWorker worker;

    private HttpServer receiver;
    /** What the receiver got, in order of arrival. */
    private final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();
    /** The statuses it answers, one per request; 200 once they run out. */
    private final ConcurrentLinkedQueue<Integer> answers = new ConcurrentLinkedQueue<>();
    /** Requests that reached /endless. */
    private final java.util.concurrent.atomic.AtomicInteger endless = new java.util.concurrent.atomic.AtomicInteger();
    /** Requests that reached /moved, where the receiver's redirects point. */
    private final java.util.concurrent.atomic.AtomicInteger moved = new java.util.concurrent.atomic.AtomicInteger();

    record Received(Map<String, List<String>> headers, String body) {
        JsonPath json() {
            return JsonPath.from(body);
        }

        String header(String name) {
            return headers.get(name).get(0);
        }
    }

    @BeforeEach
    void setUp() throws IOException, InterruptedException {
        data.setUp(() -> {
            data.reset();
            data.standardTree();
        });
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.setExecutor(Executors.newFixedThreadPool(4));
        receiver.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values));
            received.add(new Received(headers, new String(body, StandardCharsets.UTF_8)));
            Integer status = answers.poll();
            if (status != null && status / 100 == 3) {
                exchange.getResponseHeaders().add("Location", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/moved");
            }
            exchange.sendResponseHeaders(status == null ? 200 : status, -1);
            exchange.close();
        });
        receiver.createContext("/moved", exchange -> {
            moved.incrementAndGet();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        // Answers after the timeout (2 s in tests), if the sender is still listening.
        receiver.createContext("/slow", exchange -> {
            try {
                Thread.sleep(3_000);
                exchange.sendResponseHeaders(200, -1);
            } catch (InterruptedException | IOException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        // Answers 200 at once, then streams a body that never ends, until the sender cuts it.
        receiver.createContext("/endless", exchange -> {
            exchange.getRequestBody().readAllBytes();
            endless.incrementAndGet();
            exchange.sendResponseHeaders(200, 0);
            byte[] chunk = new byte[16 * 1024];
            try (java.io.OutputStream out = exchange.getResponseBody()) {
                for (long sent = 0; sent < 1L << 32; sent += chunk.length) {
                    out.write(chunk);
                }
            } catch (IOException cut) {
                // The sender closed the connection: what this receiver is for.
            }
        });
        receiver.start();
        // Whatever earlier tests left in the change stream is fanned out to nobody.
        worker.runUntilIdle(Duration.ofSeconds(10));
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    private String hookUrl() {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
    }

    /** A webhook created by an admin with this filter (JSON); its id and secret. */
    private String[] subscribe(String filter) {
        Response created = given().header("Authorization", Tokens.admin()).contentType(ContentType.JSON)
                .body("{\"url\": \"" + hookUrl() + "\", \"filter\": " + filter + "}").post("/api/v1/webhooks");
        created.then().statusCode(201);
        return new String[] {String.valueOf((int) created.path("id")), created.path("secret")};
    }

    private List<Received> deliver() throws InterruptedException {
        worker.runUntilIdle(Duration.ofSeconds(20));
        List<Received> got = new ArrayList<>(received);
        received.clear();
        return got;
    }

    private Article wardArticle(String title, String org) {
        return data.article(title).org(org).directive("11-ĐA/TU").publishedAt("2026-11-20T08:00").save();
    }

    @Test
    void publishUpdateMoveOutAndDeleteAreTheRightEventsSignedAndInOrder() throws Exception {
        String[] hook = subscribe("{\"org\": \"quan-hai-ba-trung\", \"directive\": \"11 - đa/tu\"}");
        Webhook verifier = new Webhook(hook[1]);

        Article article = data.call(() -> wardArticle("Phường Bách Khoa sơ kết Đề án 11", "phuong-bach-khoa"));
        data.call(() -> wardArticle("Phường Mỹ Đình 1 sơ kết Đề án 11", "phuong-my-dinh-1"));
        data.call(() -> data.article("Phường Bạch Đằng họp dân").org("phuong-bach-dang").publishedAt("2026-11-20T09:00").save());
        List<Received> first = deliver();
        assertEquals(List.of("article.published"), types(first), "only the article in the district and on 11-ĐA/TU");
        JsonPath published = first.get(0).json();
        assertEquals(article.id.intValue(), published.getInt("data.id"));
        assertEquals("Phường Bách Khoa sơ kết Đề án 11", published.getString("data.title"));
        assertEquals("phuong-bach-khoa", published.getString("data.organisation.slug"));
        assertEquals(List.of("11-ĐA/TU"), published.getList("data.directives.code"));
        assertTrue(published.getString("timestamp").matches("\\d{4}-\\d\\d-\\d\\dT.*\\+07:00"), published.getString("timestamp"));

        data.retitle(article.id, "Phường Bách Khoa sơ kết 3 năm Đề án 11");
        List<Received> second = deliver();
        assertEquals(List.of("article.updated"), types(second));
        assertEquals("Phường Bách Khoa sơ kết 3 năm Đề án 11", second.get(0).json().getString("data.title"));

        data.move(article.id, "phuong-my-dinh-1");
        List<Received> third = deliver();
        assertEquals(List.of("article.unpublished"), types(third), "moved out of the district: it left the feed");
        assertEquals(Map.of("id", article.id.intValue()), third.get(0).json().getMap("data"));

        data.move(article.id, "phuong-bach-dang");
        data.setStatus(article.id, ArticleStatus.PUBLISHED);
        List<Received> fourth = deliver();
        assertEquals(List.of("article.published"), types(fourth), "back in the feed");

        data.delete(article.id);
        List<Received> fifth = deliver();
        assertEquals(List.of("article.deleted"), types(fifth));
        assertEquals(article.id.intValue(), fifth.get(0).json().getInt("data.id"));

        List<Received> all = new ArrayList<>();
        List.of(first, second, third, fourth, fifth).forEach(all::addAll);
        for (Received message : all) {
            verifier.verify(message.body(), message.headers());
            assertTrue(message.header("webhook-id").matches("msg_\\d+"), message.header("webhook-id"));
            assertTrue(message.header("webhook-signature").startsWith("v1,"));
            assertEquals("application/json", message.header("content-type"));
        }
        assertEquals(all.size(), new HashSet<>(all.stream().map(message -> message.header("webhook-id")).toList()).size(),
                "each event its own webhook-id");
        // The verification can fail: another body, or another secret, is refused.
        Received one = all.get(0);
        assertThrows(WebhookVerificationException.class, () -> verifier.verify(one.body().replace("Bách", "Bach"), one.headers()));
        assertThrows(WebhookVerificationException.class,
                () -> new Webhook(WebhookSecrets.generate()).verify(one.body(), one.headers()));

        Response deliveries = given().header("Authorization", Tokens.admin()).get("/api/v1/webhooks/" + hook[0] + "/deliveries");
        deliveries.then().statusCode(200);
        assertEquals(List.of("article.deleted", "article.published", "article.unpublished", "article.updated", "article.published"),
                deliveries.path("event"), "newest first");
        assertEquals(Collections.nCopies(5, "delivered"), deliveries.path("status"));
        assertEquals(Collections.nCopies(5, 200), deliveries.path("lastStatusCode"));
    }

    @Test
    void onlyTheEventsSubscribedToAreSentButPresenceFollowsEveryChange() throws Exception {
        Response created = given().header("Authorization", Tokens.admin()).contentType(ContentType.JSON)
                .body("{\"url\": \"" + hookUrl() + "\", \"events\": [\"article.unpublished\"], \"filter\": {\"org\": \"phuong-bach-khoa\"}}")
                .post("/api/v1/webhooks");
        created.then().statusCode(201);
        Article article = data.call(() -> wardArticle("Phường Bách Khoa họp dân", "phuong-bach-khoa"));
        assertEquals(List.of(), types(deliver()), "published: not subscribed");
        data.setStatus(article.id, ArticleStatus.DRAFT);
        assertEquals(List.of("article.unpublished"), types(deliver()));
    }

    @Test
    void aFailedDeliveryIsRetriedWithTheSameIdAndHoldsBackTheArticlesNextEvent() throws Exception {
        String[] hook = subscribe("{\"org\": \"phuong-bach-khoa\"}");
        answers.add(500);
        answers.add(503);
        Article article = data.call(() -> wardArticle("Phường Bách Khoa họp dân", "phuong-bach-khoa"));
        worker.tick();
        worker.tick();
        data.retitle(article.id, "Phường Bách Khoa họp dân lần hai");
        List<Received> got = deliver();
        // Retries come after a backoff (50 ms at first in tests, doubling): wait for them.
        for (int i = 0; i < 50 && types(got).stream().filter("article.updated"::equals).findAny().isEmpty(); i++) {
            Thread.sleep(100);
            got.addAll(deliver());
        }
        assertEquals(List.of("article.published", "article.published", "article.published", "article.updated"), types(got),
                "three attempts of the first event, then the second: never the second before the first is delivered");
        assertEquals(1, new HashSet<>(got.subList(0, 3).stream().map(message -> message.header("webhook-id")).toList()).size(),
                "a retry is the same message");
        long sentAt = Long.parseLong(got.get(0).header("webhook-timestamp"));
        assertTrue(Math.abs(sentAt - java.time.Instant.now().getEpochSecond()) < 120, "the timestamp is the sending time, in seconds");
        Response deliveries = given().header("Authorization", Tokens.admin()).get("/api/v1/webhooks/" + hook[0] + "/deliveries");
        assertEquals(List.of(1, 3), deliveries.path("attempts"));
        assertEquals(List.of("delivered", "delivered"), deliveries.path("status"));
    }

    @Test
    void aRedirectIsNotFollowedAndNoAnswerInTimeOrNoneAtAllIsRetried() throws Exception {
        String redirected = subscribe("{}")[0];
        String slow = subscribeTo("http://127.0.0.1:" + receiver.getAddress().getPort() + "/slow");
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        String refused = subscribeTo("http://127.0.0.1:" + closedPort + "/hook");
        answers.add(302);
        data.call(() -> wardArticle("Phường Bách Khoa họp dân", "phuong-bach-khoa"));
        Map<String, String> errors = new TreeMap<>();
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (errors.size() < 3 && System.nanoTime() < end) {
            worker.tick();
            Thread.sleep(50);
            for (String hook : List.of(redirected, slow, refused)) {
                Response first = given().header("Authorization", Tokens.admin()).get("/api/v1/webhooks/" + hook + "/deliveries");
                List<String> lastErrors = first.path("lastError");
                if (!lastErrors.isEmpty() && lastErrors.get(0) != null) {
                    errors.put(hook, lastErrors.get(0) + " / " + first.path("lastStatusCode[0]"));
                }
            }
        }
        assertEquals(Map.of(redirected, "HTTP 302 / 302", slow, "no answer in time / null", refused, "connection refused / null"), errors);
        assertEquals(0, moved.get(), "the redirect's Location is never requested");
    }

    @Test
    void anAnswersStatusDecidesAndABodyWithoutEndIsCut() throws Exception {
        String hook = subscribeTo("http://127.0.0.1:" + receiver.getAddress().getPort() + "/endless");
        data.call(() -> wardArticle("Phường Bách Khoa họp dân", "phuong-bach-khoa"));
        worker.runUntilIdle(Duration.ofSeconds(20));
        Response deliveries = given().header("Authorization", Tokens.admin()).get("/api/v1/webhooks/" + hook + "/deliveries");
        assertEquals(List.of("delivered"), deliveries.path("status"), "200 was the answer, whatever followed it");
        assertEquals(List.of(200), deliveries.path("lastStatusCode"));
        assertEquals(1, endless.get(), "sent once, not again for a body that never ended");
    }

    @Test
    void anIpv6TargetIsNamedInBracketsAndAPathOfOtherLettersGoesPercentEncoded() throws Exception {
        HttpServer v6 = HttpServer.create(new InetSocketAddress("::1", 0), 0);
        List<String[]> got = Collections.synchronizedList(new ArrayList<>());
        v6.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            got.add(new String[] {exchange.getRequestHeaders().getFirst("Host"), exchange.getRequestURI().getRawPath()});
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        v6.start();
        try {
            int port = v6.getAddress().getPort();
            subscribeTo("http://[::1]:" + port + "/hook/bài-viết");
            data.call(() -> wardArticle("Phường Bách Khoa họp dân", "phuong-bach-khoa"));
            worker.runUntilIdle(Duration.ofSeconds(20));
            assertEquals(List.of("[::1]:" + port + " /hook/b%C3%A0i-vi%E1%BA%BFt"), got.stream().map(request -> request[0] + " " + request[1]).toList());
        } finally {
            v6.stop(0);
        }
    }

    private String subscribeTo(String url) {
        Response created = given().header("Authorization", Tokens.admin()).contentType(ContentType.JSON)
                .body("{\"url\": \"" + url + "\", \"filter\": {}}").post("/api/v1/webhooks");
        created.then().statusCode(201);
        return String.valueOf((int) created.path("id"));
    }

    @Test
    void aDeliveryPastItsRetryWindowIsDeadAndCanBeReplayed() throws Exception {
        String[] hook = subscribe("{}");
        answers.add(500);
        data.call(() -> wardArticle("Phường Bách Khoa họp dân", "phuong-bach-khoa"));
        // Recorded and sent in one turn; its failure is recorded by the next, once the window has closed.
        worker.tick();
        data.execute("update webhook_delivery set retry_until = now()");
        worker.runUntilIdle(Duration.ofSeconds(10));
        received.clear();
        Response deliveries = given().header("Authorization", Tokens.admin()).get("/api/v1/webhooks/" + hook[0] + "/deliveries");
        assertEquals(List.of("dead"), deliveries.path("status"));
        assertEquals(List.of(500), deliveries.path("lastStatusCode"));
        String id = deliveries.path("id[0]");

        given().header("Authorization", Tokens.admin()).post("/api/v1/webhooks/" + hook[0] + "/deliveries/" + id + "/retry")
                .then().statusCode(200).body("status", org.hamcrest.Matchers.is("pending"));
        List<Received> got = deliver();
        assertEquals(List.of("article.published"), types(got));
        assertEquals(id, got.get(0).header("webhook-id"));
        given().header("Authorization", Tokens.admin()).get("/api/v1/webhooks/" + hook[0] + "/deliveries")
                .then().body("status", org.hamcrest.Matchers.contains("delivered"));
    }

    @Test
    void aReceiverAnswering410DisablesItsSubscription() throws Exception {
        String[] hook = subscribe("{}");
        answers.add(410);
        data.call(() -> wardArticle("Phường Bách Khoa họp dân", "phuong-bach-khoa"));
        assertEquals(1, deliver().size());
        given().header("Authorization", Tokens.admin()).get("/api/v1/webhooks/" + hook[0]).then().statusCode(200)
                .body("state", org.hamcrest.Matchers.is("disabled"))
                .body("disabledReason", org.hamcrest.Matchers.containsString("410"));
        data.call(() -> wardArticle("Phường Bạch Đằng họp dân", "phuong-bach-dang"));
        assertEquals(List.of(), deliver(), "nothing more is sent to it");

        given().header("Authorization", Tokens.admin()).contentType(ContentType.JSON).body("{\"state\": \"active\"}")
                .patch("/api/v1/webhooks/" + hook[0]).then().statusCode(200).body("state", org.hamcrest.Matchers.is("active"));
        data.call(() -> wardArticle("Phường Bách Khoa họp dân lần hai", "phuong-bach-khoa"));
        assertEquals(List.of("article.published"), types(deliver()));
    }

    @Test
    void aPausedSubscriptionKeepsItsEventsUntilItRunsAgain() throws Exception {
        String[] hook = subscribe("{}");
        given().header("Authorization", Tokens.admin()).contentType(ContentType.JSON).body("{\"state\": \"paused\"}")
                .patch("/api/v1/webhooks/" + hook[0]).then().statusCode(200);
        data.call(() -> wardArticle("Phường Bách Khoa họp dân", "phuong-bach-khoa"));
        assertEquals(List.of(), deliver());
        given().header("Authorization", Tokens.admin()).contentType(ContentType.JSON).body("{\"state\": \"active\"}")
                .patch("/api/v1/webhooks/" + hook[0]).then().statusCode(200);
        assertEquals(List.of("article.published"), types(deliver()));
    }

    @Inject
    WebhookStore store;

    @Test
    void finishedDeliveriesArePurgedAfterTheRetentionButNotOpenOnes() throws Exception {
        String[] hook = subscribe("{}");
        data.call(() -> wardArticle("Phường Bách Khoa họp dân", "phuong-bach-khoa"));
        assertEquals(1, deliver().size());
        given().header("Authorization", Tokens.admin()).contentType(ContentType.JSON).body("{\"state\": \"paused\"}")
                .patch("/api/v1/webhooks/" + hook[0]).then().statusCode(200);
        data.call(() -> wardArticle("Phường Bạch Đằng họp dân", "phuong-bach-dang"));
        deliver();
        data.execute("update webhook_delivery set created_at = now() - interval '8 days'");
        data.execute("update webhook_event set created_at = now() - interval '8 days'");
        assertEquals(1, store.purge(Duration.ofDays(7)));
        given().header("Authorization", Tokens.admin()).get("/api/v1/webhooks/" + hook[0] + "/deliveries").then()
                .body("status", org.hamcrest.Matchers.contains("pending"));
        assertEquals(1, data.count("select count(*) from webhook_event"), "the pending delivery's event stays");
    }

    @Test
    void theSecretIsShownOnceAndStoredSealed() {
        String[] hook = subscribe("{}");
        assertTrue(hook[1].matches("whsec_[A-Za-z0-9+/]{43}="), hook[1]);
        given().header("Authorization", Tokens.admin()).get("/api/v1/webhooks/" + hook[0]).then().statusCode(200)
                .body("$", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("secret")));
        String stored = data.call(() -> String.valueOf(data.count("select count(*) from webhook where position(convert_to('"
                + hook[1] + "', 'UTF8') in secret_sealed) > 0 or position(decode('" + hook[1].substring(6) + "', 'base64') in secret_sealed) > 0")));
        assertEquals("0", stored, "neither the secret nor its bytes are in the row");
        String given = WebhookSecrets.generate();
        given().header("Authorization", Tokens.admin()).contentType(ContentType.JSON)
                .body("{\"url\": \"" + hookUrl() + "\", \"secret\": \"" + given + "\"}").post("/api/v1/webhooks")
                .then().statusCode(201).body("secret", org.hamcrest.Matchers.is(given));
    }

    @Test
    void badSubscriptionsAreRefusedNamingTheField() {
        String url = hookUrl();
        Map<String, String> cases = Map.of(
                "{\"url\": \"ftp://example.vn/hook\"}", "/url",
                "{}", "/url",
                "{\"url\": \"" + url + "\", \"events\": [\"article.created\"]}", "/events/0",
                "{\"url\": \"" + url + "\", \"filter\": {\"directive\": \"không phải mã\"}}", "/filter/directive",
                "{\"url\": \"" + url + "\", \"filter\": {\"org\": \"phuong-khong-co\"}}", "/filter/org",
                "{\"url\": \"" + url + "\", \"filter\": {\"level\": [\"tinh\"]}}", "/filter/level",
                "{\"url\": \"" + url + "\", \"secret\": \"abc\"}", "/secret",
                "{\"url\": \"" + url + "\", \"state\": \"paused\"}", "/state");
        cases.forEach((body, field) -> refused(given().header("Authorization", Tokens.admin())
                .contentType(ContentType.JSON).body(body).post("/api/v1/webhooks"), 400, field));
        given().contentType(ContentType.JSON).body("{\"url\": \"" + url + "\"}").post("/api/v1/webhooks").then().statusCode(401);
    }

    @Test
    void editorsManageTheWebhooksOfTheirOwnUnitsOnly() {
        String editor = Tokens.editor("quan-hai-ba-trung");
        refused(given().header("Authorization", editor).contentType(ContentType.JSON)
                .body("{\"url\": \"" + hookUrl() + "\"}").post("/api/v1/webhooks"), 400, "/filter/org");
        refused(given().header("Authorization", editor).contentType(ContentType.JSON)
                .body("{\"url\": \"" + hookUrl() + "\", \"filter\": {\"org\": \"phuong-my-dinh-1\"}}").post("/api/v1/webhooks"),
                403, "/filter/org");
        Response own = given().header("Authorization", editor).contentType(ContentType.JSON)
                .body("{\"url\": \"" + hookUrl() + "\", \"filter\": {\"org\": \"phuong-bach-khoa\", \"level\": [\"ward\"]}}")
                .post("/api/v1/webhooks");
        own.then().statusCode(201).header("Location", org.hamcrest.Matchers.endsWith("/api/v1/webhooks/" + own.path("id")));
        String[] admins = subscribe("{\"org\": \"phuong-my-dinh-1\"}");

        given().header("Authorization", editor).get("/api/v1/webhooks").then().statusCode(200)
                .body("id", org.hamcrest.Matchers.contains((int) own.path("id")));
        given().header("Authorization", editor).get("/api/v1/webhooks/" + admins[0]).then().statusCode(404);
        given().header("Authorization", editor).delete("/api/v1/webhooks/" + admins[0]).then().statusCode(404);
        given().header("Authorization", Tokens.editor("phuong-my-dinh-1")).get("/api/v1/webhooks/" + own.path("id")).then().statusCode(404);
        given().header("Authorization", editor).delete("/api/v1/webhooks/" + own.path("id")).then().statusCode(204);
        given().header("Authorization", Tokens.admin()).get("/api/v1/webhooks").then()
                .body("id", org.hamcrest.Matchers.contains(Integer.parseInt(admins[0])));
        given().header("Authorization", Tokens.admin()).get("/api/v1/webhooks/abc").then().statusCode(404);
        refused(given().header("Authorization", Tokens.admin())
                .get("/api/v1/webhooks/" + admins[0] + "/deliveries?limit=0"), 400, "limit");
    }

    @Test
    void twoFanOutsAtOnceRecordEachDeliveryOnce() throws Exception {
        subscribe("{}");
        for (int i = 0; i < 20; i++) {
            int n = i;
            data.call(() -> wardArticle("Phường Bách Khoa họp dân lần " + n, "phuong-bach-khoa"));
        }
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            threads.add(new Thread(() -> {
                for (int round = 0; round < 5; round++) {
                    worker.tick();
                }
            }));
        }
        threads.forEach(Thread::start);
        for (Thread thread : threads) {
            thread.join();
        }
        List<Received> got = deliver();
        assertEquals(20, got.size());
        assertEquals(20, new HashSet<>(got.stream().map(message -> message.json().getInt("data.id")).toList()).size());
    }

    private static void refused(Response response, int status, String field) {
        Problems.assertProblem(response.then(), status).body("errors.field", org.hamcrest.Matchers.hasItem(field));
    }

    private static List<String> types(List<Received> messages) {
        return messages.stream().map(message -> message.json().getString("type")).toList();
    }
}
