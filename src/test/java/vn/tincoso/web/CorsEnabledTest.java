package vn.tincoso.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import vn.tincoso.testing.Slow;

/** CORS switched on for one portal: that origin may read the API and its caching headers, others may not. */
@Slow
@QuarkusTest
@TestProfile(CorsEnabledTest.OnePortal.class)
class CorsEnabledTest {

    public static class OnePortal implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.cors.enabled", "true", "quarkus.http.cors.origins", "https://portal.example.vn");
        }
    }

    @Test
    void theConfiguredPortalMayRead() {
        given().header("Origin", "https://portal.example.vn").get("/api/v1/directives").then().statusCode(200)
                .header("Access-Control-Allow-Origin", is("https://portal.example.vn"))
                .header("Access-Control-Expose-Headers", containsString("ETag"));
        given().header("Origin", "https://portal.example.vn").header("Access-Control-Request-Method", "GET")
                .options("/api/v1/articles").then().statusCode(200)
                .header("Access-Control-Allow-Methods", containsString("GET"));
    }

    @Test
    void otherOriginsMayNot() {
        given().header("Origin", "https://other.example.vn").get("/api/v1/directives").then()
                .header("Access-Control-Allow-Origin", nullValue());
    }
}
