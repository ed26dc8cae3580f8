package vn.tincoso.testing;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

/** The filter checks the 200 feed answers a request gets, by their type, and lets every other answer through. */
class FeedConformanceFilterTest {

    private static final String BROKEN_ATOM = FeedConformanceTest.ATOM.replace("<id>tag:tincoso.vn,2024:article:1</id>", "");

    private static HttpServer server;

    /** A server on the loopback that answers GET /STATUS/TYPE with that status, that type and {@code ?body}. */
    @BeforeAll
    static void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String[] path = exchange.getRequestURI().getPath().split("/", 3);
            String body = switch (exchange.getRequestURI().getQuery()) {
                case "broken-atom" -> BROKEN_ATOM;
                case "atom" -> FeedConformanceTest.ATOM;
                default -> FeedConformanceTest.JSON_FEED.replace("\"version\"", "\"versión\"");
            };
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", path[2].replace('_', '/') + ";charset=UTF-8");
            exchange.sendResponseHeaders(Integer.parseInt(path[1]), exchange.getRequestMethod().equals("HEAD") ? -1 : bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                if (!exchange.getRequestMethod().equals("HEAD")) {
                    out.write(bytes);
                }
            }
        });
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    private static String url(int status, String type, String body) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + status + "/" + type.replace('/', '_') + "?" + body;
    }

    @Test
    void aBrokenFeedFailsTheRequestThatFetchedIt() {
        AssertionError atom = assertThrows(AssertionError.class,
                () -> given().filter(FeedConformanceFilter.INSTANCE).get(url(200, "application/atom+xml", "broken-atom")));
        assertTrue(atom.getMessage().contains("missing required element \"id\""), atom.getMessage());
        AssertionError json = assertThrows(AssertionError.class,
                () -> given().filter(FeedConformanceFilter.INSTANCE).get(url(200, "application/feed+json", "broken-json")));
        assertTrue(json.getMessage().contains("required property 'version' not found"), json.getMessage());
    }

    @Test
    void otherAnswersPassUntouched() {
        String atom = given().filter(FeedConformanceFilter.INSTANCE).get(url(200, "application/atom+xml", "atom")).then()
                .statusCode(200).extract().asString();
        assertTrue(atom.contains("<title>Sơ kết Đề án 11</title>"), "the body is still there after the check: " + atom);
        given().filter(FeedConformanceFilter.INSTANCE).get(url(404, "application/atom+xml", "broken-atom")).then().statusCode(404);
        given().filter(FeedConformanceFilter.INSTANCE).get(url(200, "application/json", "broken-json")).then().statusCode(200);
        given().filter(FeedConformanceFilter.INSTANCE).head(url(200, "application/rss+xml", "broken-atom")).then().statusCode(200);
    }
}
