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

/**
 * The contract check fails an exchange the document does not describe, and only that: a stand-in server answers
 * each request with the status, type and body its {@code answer} parameter names.
 */
class ContractFilterTest {

    private static HttpServer server;

    @BeforeAll
    static void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String query = exchange.getRequestURI().getQuery();
            String answer = query.replaceAll(".*answer=([^&]+).*", "$1");
            int status = switch (answer) {
                case "undocumented-status" -> 299;
                case "problem" -> 400;
                default -> 200;
            };
            String type = status == 400 ? "application/problem+json" : "application/json";
            String body = switch (answer) {
                case "wrong-body" -> "{\"items\": \"not a list\"}";
                case "problem" -> "{\"type\": \"https://tincoso.vn/problems/invalid-parameter\", \"title\": \"Invalid request parameter\","
                        + " \"status\": 400, \"detail\": \"limit\"}";
                default -> "{\"items\": []}";
            };
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", type);
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    private static String articles(String query) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/v1/articles?" + query;
    }

    @Test
    void aDocumentedExchangePasses() {
        given().filter(ContractFilter.INSTANCE).get(articles("answer=ok")).then().statusCode(200);
        // The document says limit=0 is invalid, and the API refusing it with a problem is what it says too.
        given().filter(ContractFilter.INSTANCE).get(articles("limit=0&answer=problem")).then().statusCode(400);
    }

    @Test
    void anUndocumentedStatusFails() {
        AssertionError error = assertThrows(AssertionError.class,
                () -> given().filter(ContractFilter.INSTANCE).get(articles("answer=undocumented-status")));
        assertTrue(error.getMessage().contains("validation.response.status.unknown"), error.getMessage());
    }

    @Test
    void aBodyTheSchemaRefusesFails() {
        AssertionError error = assertThrows(AssertionError.class,
                () -> given().filter(ContractFilter.INSTANCE).get(articles("answer=wrong-body")));
        assertTrue(error.getMessage().contains("validation.response.body.schema"), error.getMessage());
    }

    @Test
    void aSuccessfulAnswerToARequestTheDocumentRefusesFails() {
        AssertionError error = assertThrows(AssertionError.class,
                () -> given().filter(ContractFilter.INSTANCE).get(articles("limit=0&answer=ok")));
        assertTrue(error.getMessage().contains("validation.request.parameter"), error.getMessage());
    }
}
