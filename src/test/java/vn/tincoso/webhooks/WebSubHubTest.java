package vn.tincoso.webhooks;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.inject.Inject;

import org.apache.commons.codec.digest.HmacAlgorithms;
import org.apache.commons.codec.digest.HmacUtils;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

import vn.tincoso.articles.Article;
import vn.tincoso.testing.Api;
import vn.tincoso.testing.Problems;
import vn.tincoso.testing.TestData;

/**
 * The WebSub hub as a subscriber meets it: discovery from a feed's headers, subscription verified by an echoed
 * challenge, the topic's page POSTed on each change of its content (read back with ROME, the signature checked with
 * Apache Commons Codec's HMAC), unsubscription, leases, and the requests it refuses. The test turns the worker
 * itself (tincoso.webhooks.worker-enabled is off in tests); verification runs on the hub's own threads.
 */
@QuarkusTest
class WebSubHubTest {

    private static final String SECRET = "bí mật của cổng phường";

    @Inject
    TestData data;

    @Inject
    WebhookWorker worker;

    private HttpServer subscriber;
    /** The verification GETs' parameters and the content POSTs, in order of arrival. */
    private final ConcurrentLinkedQueue<Map<String, String>> verifications = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();
    /** While set, the callback answers a verification without echoing its challenge. */
    private final AtomicBoolean refusing = new AtomicBoolean();

    record Received(Map<String, List<String>> headers, byte[] body) {
        String header(String name) {
            return headers.entrySet().stream().filter(entry -> entry.getKey().equalsIgnoreCase(name)).findFirst()
                    .map(entry -> entry.getValue().get(0)).orElse(null);
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    @BeforeEach
    void setUp() throws IOException, InterruptedException {
        data.setUp(() -> {
            data.reset();
            data.standardTree();
        });
        subscriber = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        subscriber.setExecutor(Executors.newFixedThreadPool(4));
        subscriber.createContext("/cb", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (exchange.getRequestMethod().equals("GET")) {
                Map<String, String> params = new HashMap<>();
                for (String pair : exchange.getRequestURI().getRawQuery().split("&")) {
                    String[] parts = pair.split("=", 2);
                    params.put(URLDecoder.decode(parts[0], StandardCharsets.UTF_8), URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
                }
                verifications.add(params);
                byte[] answer = (refusing.get() ? "no" : params.get("hub.challenge")).getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, answer.length);
                exchange.getResponseBody().write(answer);
            } else {
                received.add(new Received(new HashMap<>(exchange.getRequestHeaders()), body));
                exchange.sendResponseHeaders(204, -1);
            }
            exchange.close();
        });
        subscriber.start();
        worker.runUntilIdle(Duration.ofSeconds(10));
    }

    @AfterEach
    void stopSubscriber() {
        subscriber.stop(0);
    }

    private String callback() {
        return "http://127.0.0.1:" + subscriber.getAddress().getPort() + "/cb?portal=phuong-bach-khoa";
    }

    private static String topic(String format, String query) {
        return Api.base() + "/api/v1/feeds/articles." + format + query;
    }

    private static Response hub(String... fields) {
        var request = given().contentType("application/x-www-form-urlencoded; charset=UTF-8");
        for (int i = 0; i < fields.length; i += 2) {
            request.formParam(fields[i], fields[i + 1]);
        }
        return request.post("/websub");
    }

    /** Subscribes and waits for the verification; its parameters. */
    private Map<String, String> subscribe(String topic, String... more) {
        int before = verifications.size();
        List<String> fields = new ArrayList<>(List.of("hub.mode", "subscribe", "hub.topic", topic, "hub.callback", callback()));
        fields.addAll(List.of(more));
        hub(fields.toArray(String[]::new)).then().statusCode(202);
        Awaitility.await("the verification").atMost(Duration.ofSeconds(10)).until(() -> verifications.size() > before);
        Map<String, String> verification = new ArrayList<>(verifications).get(before);
        Awaitility.await("the subscription stored").atMost(Duration.ofSeconds(10)).pollInSameThread().until(() -> refusing.get()
                || data.count("select count(*) from webhook where topic = '" + topic.replace("'", "''") + "'") == 1);
        return verification;
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
    void aFeedNamesTheHubAndItsTopicInItsHeaders() {
        String link = given().get("/api/v1/feeds/articles.atom?org=quan-hai-ba-trung").then().statusCode(200).extract().header("Link");
        assertEquals("<" + Api.base() + "/websub>; rel=\"hub\", <" + topic("atom", "?org=quan-hai-ba-trung") + ">; rel=\"self\"", link);
    }

    @Test
    void aVerifiedSubscriberGetsTheTopicsPageSignedOnEachChangeOfItsContent() throws Exception {
        String topic = topic("atom", "?org=quan-hai-ba-trung&directive=11-%C4%90A%2FTU&limit=5");
        Map<String, String> verification = subscribe(topic, "hub.secret", SECRET, "hub.lease_seconds", "86400");
        assertEquals("subscribe", verification.get("hub.mode"));
        assertEquals(topic, verification.get("hub.topic"));
        assertEquals("86400", verification.get("hub.lease_seconds"));
        assertEquals("phuong-bach-khoa", verification.get("portal"), "the callback's own query is kept");

        data.call(() -> wardArticle("Phường Bách Khoa sơ kết Đề án 11", "phuong-bach-khoa"));
        data.call(() -> wardArticle("Phường Bách Khoa: Đề án 11, kỳ hai", "phuong-bach-khoa"));
        data.call(() -> data.article("Phường Bách Khoa họp dân").org("phuong-bach-khoa").publishedAt("2026-11-20T09:00").save());
        List<Received> first = deliver();
        assertEquals(1, first.size(), "two articles of the topic in one round: one page");
        Received page = first.get(0);
        assertEquals("application/atom+xml; charset=UTF-8", page.header("content-type"));
        assertEquals("<" + Api.base() + "/websub>; rel=\"hub\", <" + topic + ">; rel=\"self\"", page.header("link"));
        assertEquals("sha256=" + new HmacUtils(HmacAlgorithms.HMAC_SHA_256, SECRET.getBytes(StandardCharsets.UTF_8)).hmacHex(page.body()),
                page.header("x-hub-signature"));
        SyndFeed feed = new SyndFeedInput().build(new StringReader(page.text()));
        assertEquals(List.of("Phường Bách Khoa sơ kết Đề án 11", "Phường Bách Khoa: Đề án 11, kỳ hai").stream().sorted().toList(),
                feed.getEntries().stream().map(SyndEntry::getTitle).sorted().toList());
        assertEquals(given().urlEncodingEnabled(false).get(topic).asString(), page.text(), "the page as the topic's URL serves it");

        data.call(() -> data.article("Phường Bạch Đằng họp dân").org("phuong-bach-dang").publishedAt("2026-11-21T09:00").save());
        assertEquals(List.of(), deliver(), "an article outside the topic changes nothing of it");

        Article moved = data.call(() -> wardArticle("Phường Mỹ Đình 1 sơ kết Đề án 11", "phuong-bach-khoa"));
        deliver();
        data.move(moved.id, "phuong-my-dinh-1");
        List<Received> left = deliver();
        assertEquals(1, left.size(), "an article leaving the topic changes it");
        assertTrue(!left.get(0).text().contains("Mỹ Đình 1"), left.get(0).text());
    }

    @Test
    void unsubscribingIsVerifiedTooAndEndsTheDeliveries() throws Exception {
        String topic = topic("json", "?org=phuong-bach-khoa");
        subscribe(topic);
        hub("hub.mode", "unsubscribe", "hub.topic", topic, "hub.callback", callback()).then().statusCode(202);
        Awaitility.await("the unsubscription").atMost(Duration.ofSeconds(10)).pollInSameThread()
                .until(() -> data.count("select count(*) from webhook where topic is not null") == 0);
        assertEquals("unsubscribe", new ArrayList<>(verifications).get(1).get("hub.mode"));
        data.call(() -> wardArticle("Phường Bách Khoa họp dân", "phuong-bach-khoa"));
        assertEquals(List.of(), deliver());
    }

    @Test
    void aTopicAndACallbackNamedWithOtherCaseAreTheSameSubscription() throws Exception {
        String topic = topic("atom", "?org=phuong-bach-khoa");
        subscribe(topic);
        String shouted = topic.replace("http://localhost", "HTTP://LOCALHOST");
        String shoutedCallback = callback().replace("http://127.0.0.1", "HTTP://127.0.0.1");
        hub("hub.mode", "subscribe", "hub.topic", shouted, "hub.callback", shoutedCallback).then().statusCode(202);
        Awaitility.await("the second verification").atMost(Duration.ofSeconds(10)).until(() -> verifications.size() == 2);
        assertEquals(topic, new ArrayList<>(verifications).get(1).get("hub.topic"), "the topic as this server writes it");
        Awaitility.await("the renewal").atMost(Duration.ofSeconds(10)).pollInSameThread()
                .until(() -> data.count("select count(*) from webhook where topic is not null and updated_at > created_at") == 1);
        assertEquals(1, data.count("select count(*) from webhook where topic is not null"), "one subscription, renewed");
        data.call(() -> wardArticle("Phường Bách Khoa họp dân", "phuong-bach-khoa"));
        assertEquals(1, deliver().size(), "one POST for one change");
        hub("hub.mode", "unsubscribe", "hub.topic", shouted, "hub.callback", shoutedCallback).then().statusCode(202);
        Awaitility.await("the unsubscription").atMost(Duration.ofSeconds(10)).pollInSameThread()
                .until(() -> data.count("select count(*) from webhook where topic is not null") == 0);
    }

    @Test
    void aCallbackThatDoesNotEchoTheChallengeIsNotSubscribed() throws Exception {
        refusing.set(true);
        subscribe(topic("rss", "?org=phuong-bach-khoa"));
        Thread.sleep(300);
        assertEquals(0, data.count("select count(*) from webhook where topic is not null"));
        data.call(() -> wardArticle("Phường Bách Khoa họp dân", "phuong-bach-khoa"));
        assertEquals(List.of(), deliver());
    }

    @Test
    void aJsonFeedTopicUnsignedAndAnEndedLease() throws Exception {
        String topic = topic("json", "?org=phuong-bach-khoa");
        assertEquals("300", subscribe(topic, "hub.lease_seconds", "60").get("hub.lease_seconds"), "raised to the shortest lease");
        data.call(() -> wardArticle("Phường Bách Khoa họp dân", "phuong-bach-khoa"));
        Received page = deliver().get(0);
        assertEquals("application/feed+json; charset=UTF-8", page.header("content-type"));
        assertEquals(null, page.header("x-hub-signature"), "no hub.secret, no signature");
        assertEquals(List.of("Phường Bách Khoa họp dân"), JsonPath.from(page.text()).getList("items.title"));

        data.execute("update webhook set expires_at = now() - interval '1 second' where topic is not null");
        data.call(() -> wardArticle("Phường Bách Khoa họp dân lần hai", "phuong-bach-khoa"));
        assertEquals(List.of(), deliver(), "the lease has ended");
    }

    @Test
    void requestsTheHubCannotTakeAre400sNamingTheField() {
        String topic = topic("atom", "?org=phuong-bach-khoa");
        invalid(hub("hub.topic", topic, "hub.callback", callback()), "hub.mode");
        invalid(hub("hub.mode", "publish", "hub.topic", topic, "hub.callback", callback()), "hub.mode");
        invalid(hub("hub.mode", "subscribe", "hub.topic", topic), "hub.callback");
        invalid(hub("hub.mode", "subscribe", "hub.topic", topic, "hub.callback", "ftp://portal.example.vn/cb"),
                "hub.callback");
        invalid(hub("hub.mode", "subscribe", "hub.callback", callback()), "hub.topic");
        for (String foreign : List.of("https://evil.example/api/v1/feeds/articles.atom", Api.base() + "/api/v1/articles?org=x",
                Api.base() + "/api/v1/feeds/articles.html", topic + "&cursor=abc", topic + "#top",
                topic("atom", "?directive=khong-phai-ma"), topic("atom", "?org=khong-co-don-vi-nay"), topic("atom", "?q=%ZZ"),
                topic("atom", "?org=phuong-bach-khoa&org=phuong-bach-dang"), topic("atom", "?limit=1000"),
                topic("atom", "?q=a%01b"), topic("atom", "?q=%C3%28"))) {
            invalid(hub("hub.mode", "subscribe", "hub.topic", foreign, "hub.callback", callback()), "hub.topic");
        }
        invalid(hub("hub.mode", "subscribe", "hub.topic", topic, "hub.callback", callback(),
                "hub.lease_seconds", "mười"), "hub.lease_seconds");
        invalid(hub("hub.mode", "subscribe", "hub.topic", topic, "hub.callback", callback(),
                "hub.lease_seconds", "0"), "hub.lease_seconds");
        invalid(hub("hub.mode", "subscribe", "hub.topic", topic, "hub.callback", callback(),
                "hub.secret", "ư".repeat(100)), "hub.secret");
        invalid(hub("hub.mode", "subscribe", "hub.topic", topic, "hub.callback", "http://127.0.0.1:99999/cb"), "hub.callback");
        assertEquals(0, verifications.size(), "nothing refused was verified");
        hub("hub.mode", "subscribe", "hub.topic", topic.replace("http://localhost", "HTTP://LOCALHOST"), "hub.callback", callback())
                .then().statusCode(202);
    }

    /** A form written by hand, as curl -d sends it: values as given, not escaped. */
    private static Response rawHub(String contentType, String body) {
        return given().config(io.restassured.RestAssured.config().encoderConfig(io.restassured.config.EncoderConfig.encoderConfig()
                .appendDefaultContentCharsetToContentTypeIfUndefined(false))).contentType(contentType).body(body).post("/websub");
    }

    @Test
    void aFormValueMayHoldAnEqualsSignAndAFieldGivenTwiceIsRefused() throws Exception {
        String topic = topic("json", "?org=phuong-bach-khoa");
        rawHub("application/x-www-form-urlencoded", "hub.mode=subscribe&hub.callback=" + callback() + "&hub.topic=" + topic)
                .then().statusCode(202);
        Awaitility.await("the verification").atMost(Duration.ofSeconds(10)).until(() -> !verifications.isEmpty());
        assertEquals(topic, verifications.peek().get("hub.topic"), "the topic's own '=' kept");
        assertEquals("phuong-bach-khoa", verifications.peek().get("portal"), "and the callback's");
        invalid(rawHub("application/x-www-form-urlencoded", "hub.mode=subscribe&hub.mode=unsubscribe&hub.callback=" + callback()
                + "&hub.topic=" + topic), "hub.mode");
        invalid(rawHub("application/x-www-form-urlencoded", "hub.mode=subscribe&hub.callback=" + callback() + "&hub.topic=%zz"), "hub.topic");
        invalid(rawHub("application/x-www-form-urlencoded", "hub.mode=subscribe&hub.topic=" + topic + "&hub.callback=http://127.0.0.1/%C3%28"),
                "hub.callback");
        // A charset nobody knows (RestAssured itself refuses to send one): a 400, not a 500.
        java.net.http.HttpResponse<String> bogus = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
                .newBuilder(java.net.URI.create(Api.base() + "/websub")).header("Content-Type", "application/x-www-form-urlencoded; charset=bogus")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("hub.mode=subscribe")).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(400, bogus.statusCode(), bogus.body());
        assertEquals("application/problem+json", bogus.headers().firstValue("content-type").orElse(""));
    }

    @Test
    void anArticleTheNewSubscribersPageShowedLeavingIsSentToo() throws Exception {
        Article shown = data.call(() -> wardArticle("Phường Bách Khoa họp dân", "phuong-bach-khoa"));
        deliver();
        subscribe(topic("atom", "?org=phuong-bach-khoa"));
        data.setStatus(shown.id, vn.tincoso.articles.ArticleStatus.DRAFT);
        List<Received> got = deliver();
        assertEquals(1, got.size(), "the page it was shown lost an article");
        assertTrue(!got.get(0).text().contains("Phường Bách Khoa họp dân"), got.get(0).text());
    }

    /** A 400 problem whose errors name this field, and only it. */
    private static void invalid(Response response, String field) {
        Problems.assertProblem(response.then(), 400).body("errors.field", org.hamcrest.Matchers.contains(field));
    }

    @Test
    void aTopicNamesItsFilterInAnySpellingTheFeedTakes() throws Exception {
        String topic = topic("atom", "?directive=" + URLEncoder.encode("11 - đa/tu", StandardCharsets.UTF_8) + "&utm_source=zalo");
        subscribe(topic);
        data.call(() -> wardArticle("Phường Bách Khoa sơ kết Đề án 11", "phuong-bach-khoa"));
        List<Received> got = deliver();
        assertEquals(1, got.size());
        assertTrue(got.get(0).text().contains("Phường Bách Khoa sơ kết Đề án 11"));
    }
}
