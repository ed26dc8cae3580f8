package vn.tincoso.deploy;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.startsWith;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import vn.tincoso.testing.AppProcess;
import vn.tincoso.testing.FreshDatabase;

/**
 * The two settings of web.PublicAddress that the @QuarkusTest (PublicAddressTest) cannot change: a configured
 * tincoso.public-base-url wins over whatever the request says, and forwarding headers from a client that
 * quarkus.http.proxy.trusted-proxies does not list are ignored (a client cannot point others' links elsewhere).
 */
class PublicAddressIT {

    private static final FreshDatabase DATABASE = new FreshDatabase();
    private static AppProcess configured;
    private static AppProcess behindAnotherProxy;

    @BeforeAll
    static void start() {
        Map<String, String> database = AppProcess.database(DATABASE.start());
        configured = AppProcess.start("public-address-configured", database); // https://tin.example.vn, as every IT
        Map<String, String> fromRequests = new HashMap<>(database);
        fromRequests.put("TINCOSO_PUBLIC_BASE_URL", "");
        fromRequests.put("QUARKUS_HTTP_PROXY_TRUSTED_PROXIES", "192.0.2.1");
        behindAnotherProxy = AppProcess.start("public-address-untrusted", fromRequests);
        SampleArticles.importInto(configured.url(), 0, 3);
    }

    @AfterAll
    static void stop() {
        configured.close();
        behindAnotherProxy.close();
        DATABASE.stop();
    }

    @Test
    void theConfiguredAddressWinsOverHostAndForwardingHeaders() {
        given().baseUri(configured.url()).header("Host", "khac.example.vn").header("X-Forwarded-Host", "gia.example.vn")
                .get("/api/v1/articles?limit=1").then().statusCode(200)
                .body("next.url", startsWith("https://tin.example.vn/api/v1/articles?limit=1&cursor="))
                .body("items[0].url", startsWith("https://tin.example.vn/api/v1/articles/"));
    }

    @Test
    void anUntrustedClientsForwardingHeadersAreIgnored() {
        given().baseUri(behindAnotherProxy.url()).header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "gia.example.vn")
                .header("Forwarded", "proto=https;host=gia.example.vn").header("X-Forwarded-Prefix", "/gia")
                .get("/api/v1/articles?limit=1").then().statusCode(200)
                .body("next.url", startsWith(behindAnotherProxy.url() + "/api/v1/articles?limit=1&cursor="));
    }
}
